package org.triad.common.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An access token that passed {@link AccessTokenValidator#validate(String)}: signature, issuer, audience, times and
 * the revocation list.
 *
 * @param subject        {@code sub}: the customer id as a decimal string, or the {@code client_id} for a
 *                       client-credentials token
 * @param sessionHandle  {@code sid}: the device session's handle; {@code null} for client-credentials tokens
 * @param scopes         {@code scope}, split at spaces
 * @param roles          {@code roles} (e.g. {@code customer}, {@code clerk}, {@code admin}); empty for clients
 * @param clientId       {@code client_id}: the client the token was issued to
 * @param audience       {@code aud}
 * @param jwtId          {@code jti}
 * @param issuedAt       {@code iat}
 * @param expiresAt      {@code exp}
 */
public record VerifiedAccessToken(String subject, String sessionHandle, Set<String> scopes, Set<String> roles,
                                  String clientId, List<String> audience, String jwtId, Instant issuedAt,
                                  Instant expiresAt) {

    /** Request attribute under which resource servers keep the request's verified token. */
    public static final String REQUEST_ATTRIBUTE = VerifiedAccessToken.class.getName();

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Whether the token was issued to a client on its own behalf (client credentials), not for a person. */
    public boolean isClientToken() {
        return sessionHandle == null;
    }
}
