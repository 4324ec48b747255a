package org.triad.bank.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/** The random token a client got from {@code POST /api/v1/sessions}. */
public record SessionTokenCredential(String token) implements Credential {
}
