package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.triad.bank.domain.model.oauth.Scopes;

/**
 * OpenID Connect Discovery 1.0: the provider's metadata at {@code <issuer>/.well-known/openid-configuration}; the same
 * document under {@code <issuer>/.well-known/oauth-authorization-server} for plain OAuth 2.0 clients (RFC 8414 metadata,
 * placed below the issuer as Keycloak does, since the bank does not own the server's root).
 */
@WebServlet(urlPatterns = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
public class DiscoveryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OAuthEndpoints endpoints;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OIDCProviderMetadata m = new OIDCProviderMetadata(new Issuer(endpoints.issuer()),
                List.of(SubjectType.PUBLIC), endpoints.uri(OAuthEndpoints.JWKS));
        m.setAuthorizationEndpointURI(endpoints.uri(OAuthEndpoints.AUTHORIZE));
        m.setTokenEndpointURI(endpoints.uri(OAuthEndpoints.TOKEN));
        m.setUserInfoEndpointURI(endpoints.uri(OAuthEndpoints.USERINFO));
        m.setRevocationEndpointURI(endpoints.uri(OAuthEndpoints.REVOKE));
        m.setIntrospectionEndpointURI(endpoints.uri(OAuthEndpoints.INTROSPECT));
        m.setEndSessionEndpointURI(endpoints.uri(OAuthEndpoints.LOGOUT));
        m.setSupportsBackChannelLogout(true);
        m.setSupportsBackChannelLogoutSession(true);
        m.setScopes(new Scope(Scopes.ALL.toArray(String[]::new)));
        m.setResponseTypes(List.of(ResponseType.CODE, ResponseType.TOKEN));
        m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS,
                GrantType.IMPLICIT));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        m.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.TLS_CLIENT_AUTH,
                ClientAuthenticationMethod.NONE));
        // RFC 8705: client-credentials tokens of apps with a registered client certificate carry cnf.x5t#S256
        m.setSupportsTLSClientCertificateBoundAccessTokens(true);
        m.setRevocationEndpointAuthMethods(m.getTokenEndpointAuthMethods());
        m.setIntrospectionEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.TLS_CLIENT_AUTH));
        m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.ES256));
        m.setClaims(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "azp", "sid", "name",
                "preferred_username", "email", "email_verified", "phone_number", "phone_number_verified", "user_id",
                UserInfoServlet.IDENTITY_VERIFIED));
        m.setSupportsAuthorizationResponseIssuerParam(true);
        m.setPromptTypes(List.of(Prompt.Type.NONE, Prompt.Type.LOGIN, Prompt.Type.CONSENT));
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(m.toJSONObject().toJSONString());
    }
}
