package org.triad.bank.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/** A sign-in with an email address and the one-time code mailed to it (purpose LOGIN). */
public record EmailCodeCredential(String email, String code) implements Credential {
}
