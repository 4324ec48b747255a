package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.triad.bank.application.oauth.OAuthGrants;

/**
 * RFC 7009 token revocation: a refresh token or access token of the calling app; its device session ends (so the
 * access tokens of the grant are refused everywhere). Unknown tokens answer 200 as well (§2.2).
 */
@WebServlet(urlPatterns = OAuthEndpoints.REVOKE)
public class RevokeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthGrants grants;

    @Inject
    transient ClientAuthenticator authenticator;

    @Inject
    transient OAuthRateLimit rateLimit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPRequest http = OAuthHttp.request(request);
        ClientAuthenticator.Result client = authenticator.authenticate(http, true);
        if (!rateLimit.admit(request, response, client)) {
            return;
        }
        if (!client.ok()) {
            OAuthHttp.error(response, client.error(), client.basic());
            return;
        }
        TokenRevocationRequest revocation;
        try {
            revocation = TokenRevocationRequest.parse(http);
        } catch (ParseException e) {
            OAuthHttp.error(response, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()), false);
            return;
        }
        grants.revoke(revocation.getToken().getValue(), client.client().clientId());
        OAuthHttp.noStore(response);
        response.setStatus(200);
    }
}
