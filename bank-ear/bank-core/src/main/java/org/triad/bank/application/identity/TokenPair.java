package org.triad.bank.application.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * What a sign-in or refresh yields.
 *
 * @param accessToken      compact ES256 JWT, 15 minutes
 * @param refreshToken     opaque, 256 random bits (base64url); only its SHA-256 is stored
 * @param scopes           the granted scopes
 * @param sessionHandle    the device session's handle (the token's {@code sid})
 */
public record TokenPair(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
                        Set<String> scopes, String sessionHandle) implements Serializable {

    @Override
    public String toString() {
        // never the tokens themselves
        return "TokenPair[session=" + sessionHandle + ", scopes=" + scopes + ", accessExpiresAt=" + accessExpiresAt
                + "]";
    }
}
