package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Date;
import java.util.Optional;
import org.triad.bank.application.identity.BankAccessTokens;
import org.triad.bank.application.oauth.OAuthGrants;

/**
 * RFC 7662 introspection for authenticated confidential apps: {@code active} and, when active, scope, client_id,
 * sub, exp, iat, sid (and {@code token_type: Bearer} for access tokens). Access tokens of any app are answered (as
 * Keycloak does for confidential clients); refresh tokens only the calling app's own. Revoked, expired, rotated and
 * unknown tokens are {@code active: false}.
 */
@WebServlet(urlPatterns = OAuthEndpoints.INTROSPECT)
public class IntrospectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthGrants grants;

    @Inject
    transient ClientAuthenticator authenticator;

    @Inject
    transient OAuthRateLimit rateLimit;

    @Inject
    transient OAuthEndpoints endpoints;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPRequest http = OAuthHttp.request(request);
        ClientAuthenticator.Result client = authenticator.authenticate(http, false);
        if (!rateLimit.admit(request, response, client)) {
            return;
        }
        if (!client.ok()) {
            OAuthHttp.error(response, client.error(), client.basic());
            return;
        }
        TokenIntrospectionRequest introspection;
        try {
            introspection = TokenIntrospectionRequest.parse(http);
        } catch (ParseException e) {
            OAuthHttp.error(response, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()), false);
            return;
        }
        String token = introspection.getToken().getValue();
        boolean accessToken = BankAccessTokens.looksLikeJwt(token);
        Optional<OAuthGrants.Access> access = accessToken ? grants.verify(token)
                : grants.verifyRefreshToken(token, client.client().clientId());
        TokenIntrospectionSuccessResponse answer;
        if (access.isEmpty()) {
            answer = new TokenIntrospectionSuccessResponse.Builder(false).build();
        } else {
            OAuthGrants.Access a = access.get();
            String bound = null;
            if (accessToken) {
                try {
                    bound = BankAccessTokens.certificateBinding(token).orElse(null);
                } catch (org.triad.common.security.InvalidAccessTokenException e) {
                    bound = null;
                }
            }
            TokenIntrospectionSuccessResponse.Builder builder = new TokenIntrospectionSuccessResponse.Builder(true);
            if (bound != null) {
                // RFC 8705 §3.2: the resource server learns what the token is bound to
                builder.x509CertificateSHA256Thumbprint(new com.nimbusds.jose.util.Base64URL(bound));
            }
            answer = builder
                    .scope(new Scope(a.scopes().toArray(String[]::new)))
                    .clientID(new ClientID(a.clientId()))
                    .subject(new Subject(a.subject()))
                    .tokenType(accessToken ? AccessTokenType.BEARER : null)
                    .issuer(new Issuer(endpoints.issuer()))
                    .expirationTime(Date.from(a.expiresAt()))
                    .issueTime(a.issuedAt() == null ? null : Date.from(a.issuedAt()))
                    .parameter("sid", a.sessionHandle())
                    .build();
        }
        OAuthHttp.json(response, 200, answer.toJSONObject());
    }
}
