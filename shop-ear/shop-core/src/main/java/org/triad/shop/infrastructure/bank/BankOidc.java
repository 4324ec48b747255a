package org.triad.shop.infrastructure.bank;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop as confidential OpenID Connect client {@code triad-shop} of the bank, on the Nimbus OAuth 2.0 / OIDC SDK
 * (no hand-written JOSE): authorization code flow with PKCE (S256), {@code state} and {@code nonce}; the code is
 * exchanged with {@code client_secret_basic}; the ID token is validated (ES256 signature against the bank's JWKS,
 * {@code iss}, {@code aud}, {@code exp}/{@code iat}, {@code nonce}); the RFC 9207 {@code iss} of the response is
 * checked when present. Refresh, RFC 7009 revocation, RP-initiated logout and the validation of back-channel logout
 * tokens complete it. Endpoints are the bank's, below {@code triad.shop.bank-url} (static, as the bank documents
 * them, so the shop does not depend on discovery at start-up).
 */
@ApplicationScoped
public class BankOidc {

    private static final Logger LOG = Logger.getLogger(BankOidc.class.getName());

    /** Why the browser goes to the bank. */
    public enum Purpose {
        /** Sign in to the shop: {@code openid profile email}. */
        SIGN_IN("openid profile email"),
        /** Bind a card: {@code openid cards:read}, for listing the user's cards once. */
        BIND_CARD("openid cards:read");

        private final String scope;

        Purpose(String scope) {
            this.scope = scope;
        }

        public String scope() {
            return scope;
        }
    }

    /** One authorization request in flight, kept in the HTTP session until its callback (serialisable). */
    public record Pending(String state, String nonce, String codeVerifier, Purpose purpose, String next,
                         Instant createdAt) implements Serializable {
    }

    /** What the bank gave for a completed authorization (kept in the HTTP session; serialisable). */
    public record BankTokens(String subject, String sid, String name, String email, String idToken,
                             String accessToken, String refreshToken, Instant accessExpiresAt, Set<String> scopes)
            implements Serializable {

        BankTokens refreshed(String access, String refresh, Instant expiresAt) {
            return new BankTokens(subject, sid, name, email, idToken, access, refresh == null ? refreshToken : refresh,
                    expiresAt, scopes);
        }
    }

    @Inject
    @ConfigProperty(name = "triad.shop.bank-url")
    String bankUrl;

    @Inject
    @ConfigProperty(name = "triad.shop.bank-issuer")
    Optional<String> configuredIssuer;

    @Inject
    @ConfigProperty(name = "triad.shop.oauth.client-id", defaultValue = "triad-shop")
    String clientId;

    @Inject
    @ConfigProperty(name = "triad.shop.oauth.client-secret", defaultValue = "triad-shop-dev-only-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "triad.shop.public-url")
    String publicUrl;

    private Issuer issuer;
    private ClientID client;
    private URI redirectUri;
    private JWKSource<SecurityContext> keys;
    private IDTokenValidator idTokens;
    private LogoutTokenValidator logoutTokens;
    /** jti of logout tokens seen in the last minutes: a replayed token is refused. */
    private final ConcurrentHashMap<String, Instant> seenLogoutTokens = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        issuer = new Issuer(configuredIssuer.filter(s -> !s.isBlank()).map(String::trim).orElse(bankUrl));
        client = new ClientID(clientId);
        redirectUri = URI.create(publicUrl + "/oauth/callback");
        try {
            keys = TriadRetriever.jwks(new URL(bankUrl + "/oauth2/jwks"));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("triad.shop.bank-url is not a URL: " + bankUrl, e);
        }
        idTokens = new IDTokenValidator(issuer, client, new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys),
                null);
        idTokens.setMaxClockSkew(30);
        logoutTokens = new LogoutTokenValidator(issuer, client, true,
                new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys), null);
        logoutTokens.setMaxClockSkew(30);
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** A new authorization request: fresh state, nonce and PKCE verifier. */
    public Pending begin(Purpose purpose, String next) {
        return new Pending(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(), purpose,
                next, Instant.now());
    }

    /** Where to send the browser for this request. */
    public URI authorizationUri(Pending pending, boolean forceConsent) {
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                Scope.parse(pending.purpose().scope()), client, redirectUri)
                .endpointURI(URI.create(bankUrl + "/oauth2/authorize"))
                .state(new State(pending.state()))
                .nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256);
        if (forceConsent) {
            builder.prompt(new com.nimbusds.openid.connect.sdk.Prompt(com.nimbusds.openid.connect.sdk.Prompt.Type.CONSENT));
        }
        return builder.build().toURI();
    }

    /**
     * Completes the flow from the callback request's full URI: checks the state, the RFC 9207 issuer, exchanges the
     * code (with the PKCE verifier and the client secret) and validates the ID token with the nonce.
     */
    public BankTokens complete(URI callback, Pending pending) throws BankSignInException {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new BankSignInException("response", "The bank's answer could not be read.", e);
        }
        if (pending == null || response.getState() == null || !pending.state().equals(response.getState().getValue())) {
            throw new BankSignInException("state", "The sign-in does not belong to this browser session.");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject e = error.getErrorObject();
            throw new BankSignInException(e.getCode() == null ? "error" : e.getCode(),
                    "The bank answered " + e.getCode() + ": " + e.getDescription());
        }
        AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
        if (success.getIssuer() != null && !issuer.equals(success.getIssuer())) {
            throw new BankSignInException("issuer", "The answer came from another issuer: " + success.getIssuer());
        }
        AuthorizationCode code = success.getAuthorizationCode();
        if (code == null) {
            throw new BankSignInException("response", "The bank's answer has no code.");
        }
        TokenRequest request = new TokenRequest(URI.create(bankUrl + "/oauth2/token"),
                new ClientSecretBasic(client, new Secret(clientSecret)),
                new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(pending.codeVerifier())));
        OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse(request, true);
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new BankSignInException("token", "The bank sent no ID token.");
        }
        IDTokenClaimsSet claims;
        try {
            claims = idTokens.validate(idToken, new Nonce(pending.nonce()));
        } catch (Exception e) {
            throw new BankSignInException("id_token", "The bank's ID token is not valid: " + e.getMessage(), e);
        }
        String sid = claims.getStringClaim("sid");
        AccessToken access = tokens.getOIDCTokens().getAccessToken();
        RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
        Set<String> scopes = access.getScope() == null ? Set.copyOf(Scope.parse(pending.purpose().scope()).toStringList())
                : Set.copyOf(access.getScope().toStringList());
        return new BankTokens(claims.getSubject().getValue(), sid, claims.getStringClaim("name"),
                claims.getStringClaim("email"), idToken.serialize(), access.getValue(),
                refresh == null ? null : refresh.getValue(), expiry(access), scopes);
    }

    /** A new access token with the refresh token (rotated by the bank). Refused → the bank session is over. */
    public BankTokens refresh(BankTokens current) throws BankSignInException {
        if (current.refreshToken() == null) {
            throw new BankSignInException("no_refresh_token", "There is no refresh token.");
        }
        TokenRequest request = new TokenRequest(URI.create(bankUrl + "/oauth2/token"),
                new ClientSecretBasic(client, new Secret(clientSecret)),
                new RefreshTokenGrant(new RefreshToken(current.refreshToken())));
        Tokens tokens = tokenResponse(request, false).toSuccessResponse().getTokens();
        RefreshToken refresh = tokens.getRefreshToken();
        return current.refreshed(tokens.getAccessToken().getValue(), refresh == null ? null : refresh.getValue(),
                expiry(tokens.getAccessToken()));
    }

    /** RFC 7009: ends the device session at the bank that this refresh token belongs to (best effort). */
    public void revoke(String refreshToken) {
        if (refreshToken == null) {
            return;
        }
        try {
            var request = new TokenRevocationRequest(URI.create(bankUrl + "/oauth2/revoke"),
                    new ClientSecretBasic(client, new Secret(clientSecret)), new RefreshToken(refreshToken));
            var answer = TriadRetriever.prepared(request.toHTTPRequest()).send();
            if (answer.getStatusCode() != 200) {
                LOG.warning("The bank answered " + answer.getStatusCode() + " to a token revocation");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning("Could not revoke a refresh token at the bank: " + e);
        }
    }

    /** RP-initiated logout: the bank ends its device session and portal session, then comes back to the shop. */
    public URI endSessionUri(String idToken, String state) {
        try {
            return new LogoutRequest(URI.create(bankUrl + "/oauth2/logout"), JWTParser.parse(idToken),
                    URI.create(publicUrl + "/"), new State(state)).toURI();
        } catch (java.text.ParseException e) {
            return URI.create(bankUrl + "/oauth2/logout");
        }
    }

    /**
     * Validates a back-channel logout token (Nimbus {@link LogoutTokenValidator}: {@code typ logout+jwt}, ES256 by a
     * bank key, issuer, audience = our client id, {@code iat}/{@code exp}, the back-channel event, no nonce,
     * {@code sid} present) and refuses a replayed {@code jti}.
     */
    public LogoutTokenClaimsSet validateLogoutToken(String token) throws BankSignInException {
        LogoutTokenClaimsSet claims;
        try {
            claims = logoutTokens.validate(JWTParser.parse(token));
        } catch (Exception e) {
            throw new BankSignInException("logout_token", "The logout token is not valid: " + e.getMessage(), e);
        }
        Instant now = Instant.now();
        seenLogoutTokens.values().removeIf(until -> until.isBefore(now));
        String jti = claims.getJWTID() == null ? null : claims.getJWTID().getValue();
        if (jti == null) {
            throw new BankSignInException("logout_token", "The logout token has no jti.");
        }
        Instant until = claims.getExpirationTime() == null ? now.plusSeconds(300)
                : claims.getExpirationTime().toInstant().plusSeconds(60);
        if (seenLogoutTokens.putIfAbsent(jti, until) != null) {
            throw new BankSignInException("logout_token", "This logout token was used already.");
        }
        return claims;
    }

    private TokenResponse tokenResponse(TokenRequest request, boolean oidc) throws BankSignInException {
        TokenResponse response;
        try {
            var http = TriadRetriever.prepared(request.toHTTPRequest()).send();
            response = oidc ? OIDCTokenResponseParser.parse(http) : TokenResponse.parse(http);
        } catch (IOException e) {
            throw new BankSignInException("unreachable", "The bank could not be reached: " + e.getMessage(), e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new BankSignInException("token", "The bank's token answer could not be read.", e);
        }
        if (response instanceof TokenErrorResponse error) {
            ErrorObject e = error.getErrorObject();
            throw new BankSignInException(e.getCode() == null ? "token" : e.getCode(),
                    "The bank refused the token request: " + e.getCode());
        }
        return response;
    }

    private static Instant expiry(AccessToken token) {
        long seconds = token.getLifetime() > 0 ? token.getLifetime() : 300;
        return Instant.now().plusSeconds(seconds);
    }
}
