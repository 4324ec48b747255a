package org.triad.bank.application.oauth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens of the OAuth grants, issued through the identity part's device sessions and token service: authorization
 * code (with ID token), refresh (rotating), client credentials, the legacy implicit grant; revocation and
 * introspection.
 */
@Stateless
public class OAuthGrants {

    @Inject
    OAuthProvider provider;

    /** A verified access token: who (null for a client credentials token), which app, which scopes. */
    public record Access(Long customerId, String clientId, Set<String> scopes, String sessionHandle, Instant expiresAt,
                         Instant issuedAt, String subject) {
    }

    public TokenOutcome exchangeCode(String code, String clientId, String redirectUri, String codeVerifier,
                                     String userAgent, String ipAddress) {
        return TokenOutcome.refused("server_error", "Not available yet.");
    }

    public TokenOutcome refresh(String refreshToken, String clientId, Set<String> scopes) {
        return TokenOutcome.refused("server_error", "Not available yet.");
    }

    public TokenOutcome clientCredentials(String clientId, Set<String> scopes) {
        return TokenOutcome.refused("server_error", "Not available yet.");
    }

    public TokenOutcome implicit(long customerId, String clientId, Set<String> scopes, String userAgent,
                                 String ipAddress) {
        return TokenOutcome.refused("server_error", "Not available yet.");
    }

    public void revoke(String token, String clientId) {
    }

    public Optional<Access> verify(String accessToken) {
        return Optional.empty();
    }

    public void revokeConsent(long customerId, long consentId) {
    }

    /** RP-initiated logout: the client_id the ID token hint was issued to, its device session revoked. */
    public Optional<String> endSession(String idTokenHint) {
        return Optional.empty();
    }
}
