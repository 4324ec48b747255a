package org.triad.bank.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * The second sign-in step of the portal: a TOTP or recovery code for the customer whose first step (password or
 * email code) this HTTP session passed a moment ago.
 */
public record SecondFactorCredential(String code) implements Credential {
}
