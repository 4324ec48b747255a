package org.triad.bank.application.oauth;

import java.time.Instant;
import java.util.Set;

/**
 * What a grant produced: tokens, or an RFC 6749 §5.2 error code ({@code invalid_grant}, ...) with a description.
 * A result rather than an exception, so that what a refusal changes (a reused code revokes a device session)
 * commits.
 */
public record TokenOutcome(String accessToken, Instant accessExpiresAt, String refreshToken, Set<String> scopes,
                           String idToken, String error, String errorDescription) {

    public static TokenOutcome refused(String error, String description) {
        return new TokenOutcome(null, null, null, Set.of(), null, error, description);
    }

    public boolean ok() {
        return error == null;
    }
}
