package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthGrants;
import org.triad.bank.application.oauth.TokenOutcome;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.interfaces.security.ClientCertificates;

/**
 * The token endpoint: authorization code (PKCE verified), refresh token (rotating), client credentials
 * (confidential apps only; bound to the TLS client certificate, RFC 8705, for apps that registered one). Errors per
 * RFC 6749 §5.2, {@code Cache-Control: no-store}.
 */
@WebServlet(urlPatterns = OAuthEndpoints.TOKEN)
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthGrants grants;

    @Inject
    transient ClientAuthenticator authenticator;

    @Inject
    transient OAuthRateLimit rateLimit;

    @Inject
    transient ClientCertificates certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        OAuthHttp.error(response, OAuth2Error.INVALID_REQUEST.setHTTPStatusCode(405)
                .setDescription("Use POST."), false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPRequest http;
        try {
            http = OAuthHttp.request(request);
        } catch (IOException | IllegalArgumentException e) {
            OAuthHttp.error(response, OAuth2Error.INVALID_REQUEST, false);
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            OAuthHttp.error(response, OAuth2Error.INVALID_REQUEST
                    .setDescription("The body must be application/x-www-form-urlencoded."), false);
            return;
        }
        ClientAuthenticator.Result client = authenticator.authenticate(http, true);
        if (!rateLimit.admit(request, response, client)) {
            return;
        }
        if (!client.ok()) {
            OAuthHttp.error(response, client.error(), client.basic());
            return;
        }
        ClientView app = client.client();
        java.util.List<String> grantType = ClientAuthenticator.form(http).get("grant_type");
        if (grantType != null && grantType.contains(GrantType.CLIENT_CREDENTIALS.getValue()) && !app.confidential()) {
            OAuthHttp.error(response, OAuth2Error.UNAUTHORIZED_CLIENT
                    .setDescription("Only confidential apps may use client credentials."), false);
            return;
        }
        AuthorizationGrant grant;
        Scope requestedScope;
        try {
            if (client.byCertificate()) {
                // Nimbus's TokenRequest insists on a client authentication it can see for client credentials;
                // tls_client_auth was checked by the authenticator (the certificate is kept from Nimbus, OAuthHttp)
                java.util.Map<String, java.util.List<String>> form = ClientAuthenticator.form(http);
                grant = AuthorizationGrant.parse(form);
                requestedScope = Scope.parse(com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils.getFirstValue(form,
                        "scope"));
            } else {
                TokenRequest tokenRequest = TokenRequest.parse(http);
                grant = tokenRequest.getAuthorizationGrant();
                requestedScope = tokenRequest.getScope();
            }
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            OAuthHttp.error(response, error.getCode() == null ? OAuth2Error.INVALID_REQUEST : error, false);
            return;
        }
        if (!app.approved()) {
            OAuthHttp.error(response, OAuth2Error.UNAUTHORIZED_CLIENT
                    .setDescription("This app is not approved on the platform."), false);
            return;
        }
        // RFC 8705: an app that registered a client certificate gets client-credentials tokens only over a TLS
        // connection with a good certificate of that subject, and each token is bound to that certificate
        String thumbprint = null;
        if (grant instanceof ClientCredentialsGrant && app.mutualTls()) {
            String refusal = certificates.refusalFor(request, app);
            if (refusal != null) {
                OAuthHttp.error(response, OAuth2Error.INVALID_CLIENT.setDescription("Client authentication failed: "
                        + refusal + "."), client.basic());
                return;
            }
            thumbprint = ClientCertificates.thumbprint(ClientCertificates.presented(request).get(0));
        }
        Set<String> scopes;
        try {
            scopes = requestedScope == null ? null : Scopes.parse(requestedScope.toString());
        } catch (RuntimeException e) {
            OAuthHttp.error(response, OAuth2Error.INVALID_SCOPE.setDescription(e.getMessage()), false);
            return;
        }
        TokenOutcome outcome;
        try {
            outcome = grant(grant, app, scopes, request, thumbprint);
        } catch (org.triad.common.domain.DomainException e) {
            // e.g. the customer's account was locked since the code was issued: nothing was issued
            outcome = TokenOutcome.refused("invalid_grant", e.getMessage());
        }
        if (outcome == null) {
            OAuthHttp.error(response, OAuth2Error.UNSUPPORTED_GRANT_TYPE, false);
            return;
        }
        respond(outcome, response);
    }

    private TokenOutcome grant(AuthorizationGrant grant, ClientView app, Set<String> scopes, HttpServletRequest request,
                               String certificateThumbprint) {
        TokenOutcome outcome;
        if (grant instanceof AuthorizationCodeGrant code) {
            outcome = grants.exchangeCode(code.getAuthorizationCode().getValue(), app.clientId(),
                    code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(),
                    code.getCodeVerifier() == null ? null : code.getCodeVerifier().getValue(),
                    AuthorizeServlet.userAgent(request), request.getRemoteAddr());
        } else if (grant instanceof RefreshTokenGrant refresh) {
            outcome = grants.refresh(refresh.getRefreshToken().getValue(), app.clientId(), scopes);
        } else if (grant instanceof ClientCredentialsGrant) {
            if (!app.confidential()) {
                return TokenOutcome.refused("unauthorized_client", "Only confidential apps may use client credentials.");
            }
            if (scopes != null && !app.scopes().containsAll(scopes)) {
                return TokenOutcome.refused("invalid_scope", "Scope not allowed for this app.");
            }
            outcome = grants.clientCredentials(app.clientId(), scopes == null ? Set.of() : scopes,
                    certificateThumbprint);
        } else {
            return null;
        }
        return outcome;
    }

    private void respond(TokenOutcome outcome, HttpServletResponse response) throws IOException {
        if (!outcome.ok()) {
            ErrorObject error = new ErrorObject(outcome.error(), outcome.errorDescription(),
                    "server_error".equals(outcome.error()) ? 500 : 400);
            OAuthHttp.error(response, error, false);
            return;
        }
        long lifetime = Math.max(1, outcome.accessExpiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        BearerAccessToken access = new BearerAccessToken(outcome.accessToken(), lifetime,
                OAuthHttp.scope(outcome.scopes()));
        RefreshToken refresh = outcome.refreshToken() == null ? null : new RefreshToken(outcome.refreshToken());
        OIDCTokens tokens;
        try {
            tokens = outcome.idToken() == null ? new OIDCTokens(access, refresh)
                    : new OIDCTokens(JWTParser.parse(outcome.idToken()), access, refresh);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        OAuthHttp.apply(new OIDCTokenResponse(tokens).toHTTPResponse(), response);
    }
}
