package org.triad.bank.application.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.AuthorizedParty;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.triad.bank.application.identity.BankAccessTokens;
import org.triad.bank.application.identity.DeviceSession;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.DeviceView;
import org.triad.bank.application.identity.IdentitySettings;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.application.identity.TokenPair;
import org.triad.bank.application.identity.TokenService;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.LockConflicts;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.domain.model.identity.InvalidGrantException;
import org.triad.bank.domain.model.oauth.ClientNotFoundException;
import org.triad.bank.domain.model.oauth.Consent;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.common.security.InvalidAccessTokenException;
import org.triad.common.security.VerifiedAccessToken;

/**
 * Tokens of the OAuth grants, issued through the identity part's device sessions and {@link TokenService} (never
 * minted here): authorization code (with an ID token signed by {@link SigningKeys}), refresh (rotating), client
 * credentials, the legacy implicit grant; revocation, introspection, end-session. Every OAuth grant is a device
 * session of kind {@code OAUTH} for the app, which the customer sees and can sign out; revoking it refuses its
 * access tokens everywhere through the revocation list.
 */
@Stateless
public class OAuthGrants {

    @EJB
    OAuthProvider provider;

    @EJB
    TokenService tokens;

    @EJB
    DeviceSessions devices;

    @EJB
    SigningKeys signingKeys;

    @Inject
    BankAccessTokens accessTokens;

    @Inject
    IdentitySettings settings;

    @Inject
    OAuthRepository repository;

    @Inject
    AuditLog audit;

    /** A verified access token: who (null for a client credentials token), which app, which scopes. */
    public record Access(Long customerId, String clientId, Set<String> scopes, String sessionHandle, Instant expiresAt,
                         Instant issuedAt, String subject) {
    }

    /**
     * The authorization code grant: the code is redeemed (single use, PKCE, redirect URI), a device session opened,
     * tokens issued, and an ID token when {@code openid} was granted. A second use of a code revokes the device
     * session of the first (its tokens are refused from then on) and fails with {@code invalid_grant}.
     *
     * @throws InvalidGrantException if the customer may no longer sign in (nothing changes)
     */
    public TokenOutcome exchangeCode(String code, String clientId, String redirectUri, String codeVerifier,
                                     String userAgent, String ipAddress) {
        Optional<OAuthClient> client = repository.findByClientId(clientId).filter(OAuthClient::isUsable);
        if (client.isEmpty()) {
            return TokenOutcome.refused("unauthorized_client", "This app is not approved on the platform.");
        }
        OAuthProvider.CodeGrant grant = provider.redeem(code, client.get().id(), redirectUri, codeVerifier);
        switch (grant.check()) {
            case OK -> {
            }
            case REUSED -> {
                if (grant.reusedDeviceSessionId() != null) {
                    devices.revokeSession(grant.reusedDeviceSessionId(), "oauth-code-reuse");
                }
                return TokenOutcome.refused("invalid_grant",
                        "The authorization code was already used; the tokens issued for it are revoked.");
            }
            case EXPIRED -> {
                return TokenOutcome.refused("invalid_grant", "The authorization code has expired.");
            }
            case PKCE_FAILED -> {
                return TokenOutcome.refused("invalid_grant", "The code_verifier does not match the code_challenge.");
            }
            case WRONG_REDIRECT_URI -> {
                return TokenOutcome.refused("invalid_grant",
                        "The redirect_uri differs from the one of the authorization request.");
            }
            default -> {
                return TokenOutcome.refused("invalid_grant", "The authorization code is invalid.");
            }
        }
        DeviceSession session = devices.open(grant.customerId(), DeviceKind.OAUTH, clientId, userAgent, ipAddress);
        TokenPair pair = tokens.issue(session, clientId, grant.scopes(), audiences(clientId));
        provider.bindCode(code, session.id());
        String idToken = grant.scopes().contains(Scopes.OPENID)
                ? idToken(grant.customerId(), clientId, grant.scopes(), grant.nonce(), grant.authTime(),
                pair.accessToken(), session.handle())
                : null;
        audit.record(grant.customerId(), "OAUTH_TOKENS", "app:" + clientId, String.join(" ", grant.scopes()));
        return new TokenOutcome(pair.accessToken(), pair.accessExpiresAt(), pair.refreshToken(), grant.scopes(),
                idToken, null, null);
    }

    /**
     * The refresh token grant: rotation by {@link TokenService#refresh} in its own transaction (a reuse after the
     * grace window revokes the device session and that must commit although the grant fails).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TokenOutcome refresh(String refreshToken, String clientId, Set<String> requestedScopes) {
        if (repository.findByClientId(clientId).filter(OAuthClient::isUsable).isEmpty()) {
            return TokenOutcome.refused("unauthorized_client", "This app is not approved on the platform.");
        }
        TokenPair pair;
        try {
            pair = LockConflicts.retry(() -> tokens.refresh(refreshToken, clientId));
        } catch (InvalidGrantException e) {
            return TokenOutcome.refused("invalid_grant", e.getMessage());
        }
        if (requestedScopes != null && !pair.scopes().containsAll(requestedScopes)) {
            return TokenOutcome.refused("invalid_scope", "A refresh cannot add scopes.");
        }
        return new TokenOutcome(pair.accessToken(), pair.accessExpiresAt(), pair.refreshToken(), pair.scopes(), null,
                null, null);
    }

    /** Client credentials (confidential apps, checked by the caller): an access token for the app itself. */
    public TokenOutcome clientCredentials(String clientId, Set<String> requestedScopes) {
        return clientCredentials(clientId, requestedScopes, null);
    }

    /**
     * The client credentials grant, the token bound to the client certificate of the connection when
     * {@code certificateThumbprint} is given (RFC 8705 §3: claim {@code cnf} with {@code x5t#S256}). An app that
     * registered a client certificate gets bound tokens only: the caller (the token endpoint) has checked the
     * presented certificate's subject, chain and revocation status.
     *
     * @param certificateThumbprint base64url SHA-256 of the DER certificate the client presented, or null
     */
    public TokenOutcome clientCredentials(String clientId, Set<String> requestedScopes, String certificateThumbprint) {
        OAuthClient client = repository.findByClientId(clientId).filter(OAuthClient::isUsable).orElse(null);
        if (client == null || !client.isConfidential()) {
            return TokenOutcome.refused("unauthorized_client", "Only approved confidential apps may do this.");
        }
        if (client.clientCertificateSubject() != null && certificateThumbprint == null) {
            return TokenOutcome.refused("invalid_client", "This app's tokens are bound to its client certificate:"
                    + " present it on the TLS connection.");
        }
        Set<String> scopes = new LinkedHashSet<>(requestedScopes == null || requestedScopes.isEmpty()
                ? client.scopes() : requestedScopes);
        // a client acting for itself has no user to sign in or describe
        scopes.removeAll(Set.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL, Scopes.PHONE, Scopes.IDENTIFY));
        if (!client.scopes().containsAll(scopes)) {
            return TokenOutcome.refused("invalid_scope", "Scope not allowed for this app.");
        }
        Instant expires = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(IdentitySettings.ACCESS_TOKEN_LIFETIME);
        String token = tokens.issueClientAccessToken(clientId, scopes, settings.issuer(), certificateThumbprint);
        return new TokenOutcome(token, expires, null, Scopes.ordered(scopes), null, null, null);
    }

    /**
     * The legacy implicit grant ({@code response_type=token}, legacy apps only, checked by the caller): an access
     * token of a new device session, no refresh token given out.
     */
    public TokenOutcome implicit(long customerId, String clientId, Set<String> scopes, String userAgent,
                                 String ipAddress) {
        OAuthClient client = repository.findByClientId(clientId).filter(OAuthClient::isUsable).orElse(null);
        if (client == null || !client.isLegacyImplicit()) {
            return TokenOutcome.refused("unauthorized_client", "This app may not use response_type=token.");
        }
        DeviceSession session = devices.open(customerId, DeviceKind.OAUTH, clientId, userAgent, ipAddress);
        TokenPair pair = tokens.issue(session, clientId, scopes, audiences(clientId));
        audit.record(customerId, "OAUTH_TOKENS", "app:" + clientId, "implicit " + String.join(" ", scopes));
        return new TokenOutcome(pair.accessToken(), pair.accessExpiresAt(), null, scopes, null, null, null);
    }

    /**
     * RFC 7009: a refresh token or an access token of the calling app ends its device session. Unknown tokens and
     * tokens of other apps change nothing (and the endpoint answers 200 all the same).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void revoke(String token, String clientId) {
        if (token == null || token.isBlank()) {
            return;
        }
        if (BankAccessTokens.looksLikeJwt(token)) {
            try {
                VerifiedAccessToken verified = accessTokens.validate(token);
                if (clientId.equals(verified.clientId()) && verified.sessionHandle() != null) {
                    devices.findActiveByHandle(verified.sessionHandle())
                            .ifPresent(s -> devices.revokeSession(s.id(), "token-revoked"));
                }
            } catch (InvalidAccessTokenException e) {
                // expired or already revoked: nothing to do
            }
            return;
        }
        try {
            tokens.revokeRefreshToken(token, clientId);
        } catch (InvalidGrantException e) {
            // another app's token: not ours to revoke
        }
    }

    /** The access token if it is valid now (signature, issuer, audience, times, revocation list). */
    public Optional<Access> verify(String accessToken) {
        if (!BankAccessTokens.looksLikeJwt(accessToken)) {
            return Optional.empty();
        }
        try {
            VerifiedAccessToken t = accessTokens.validate(accessToken);
            Long customer = t.isClientToken() ? null : Long.valueOf(t.subject());
            return Optional.of(new Access(customer, t.clientId(), t.scopes(), t.sessionHandle(), t.expiresAt(),
                    t.issuedAt(), t.subject()));
        } catch (InvalidAccessTokenException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A refresh token of the given app that it could use now (RFC 7662 introspection by the app itself); another
     * app's refresh token, and a rotated, revoked or expired one, is empty.
     */
    public Optional<Access> verifyRefreshToken(String refreshToken, String clientId) {
        return tokens.inspectRefreshToken(refreshToken, clientId).map(g -> new Access(g.customerId(), g.clientId(),
                g.scopes(), g.sessionHandle(), g.expiresAt(), g.issuedAt(), String.valueOf(g.customerId())));
    }

    /** Takes back a consent: the app's device sessions of this customer end at once (tokens refused). */
    public void revokeConsent(long customerId, long consentId) {
        Consent consent = repository.findActiveConsents(customerId).stream().filter(c -> c.id() == consentId)
                .findFirst().orElseThrow(ClientNotFoundException::new);
        consent.revoke(Instant.now());
        String clientId = repository.findClient(consent.clientPk()).map(OAuthClient::clientId).orElse(null);
        int n = 0;
        for (DeviceView d : devices.list(customerId, null)) {
            if (d.active() && d.kind() == DeviceKind.OAUTH && clientId != null && clientId.equals(d.clientId())) {
                devices.revoke(customerId, d.handle());
                n++;
            }
        }
        audit.record(customerId, "OAUTH_CONSENT_REVOKED", "app:" + clientId, n + " sessions");
    }

    /**
     * RP-initiated logout: verifies the ID token hint (our signature and issuer; it may have expired), ends its
     * device session and answers the app it was issued to.
     */
    public Optional<String> endSession(String idTokenHint) {
        try {
            SignedJWT jwt = SignedJWT.parse(idTokenHint);
            JWK key = signingKeys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof ECKey ec) || !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new ECDSAVerifier(ec))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!settings.issuer().equals(claims.getIssuer()) || claims.getAudience().size() != 1) {
                return Optional.empty();
            }
            String clientId = claims.getAudience().get(0);
            String sid = claims.getStringClaim("sid");
            devices.findActiveByHandle(sid).filter(s -> String.valueOf(s.customerId()).equals(claims.getSubject()))
                    .ifPresent(s -> devices.revokeSession(s.id(), "oidc-logout"));
            return Optional.of(clientId);
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Set<String> audiences(String clientId) {
        return new LinkedHashSet<>(List.of(settings.issuer(), clientId));
    }

    private String idToken(long customerId, String clientId, Set<String> scopes, String nonce, Instant authTime,
                           String accessToken, String sessionHandle) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IDTokenClaimsSet claims = new IDTokenClaimsSet(new Issuer(settings.issuer()),
                new Subject(String.valueOf(customerId)), List.of(new Audience(clientId)),
                Date.from(now.plus(IdentitySettings.ACCESS_TOKEN_LIFETIME)), Date.from(now));
        claims.setAuthenticationTime(Date.from(authTime == null ? now : authTime));
        if (nonce != null) {
            claims.setNonce(new Nonce(nonce));
        }
        claims.setAccessTokenHash(AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.ES256));
        claims.setAuthorizedParty(new AuthorizedParty(clientId));
        claims.setClaim("sid", sessionHandle);
        provider.person(customerId).ifPresent(p -> {
            if (scopes.contains(Scopes.PROFILE)) {
                claims.setClaim("name", p.name());
                claims.setClaim("preferred_username", p.email());
            }
            if (scopes.contains(Scopes.EMAIL)) {
                claims.setClaim("email", p.email());
                claims.setClaim("email_verified", p.emailVerified());
            }
        });
        try {
            return signingKeys.sign(claims.toJWTClaimsSet());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
