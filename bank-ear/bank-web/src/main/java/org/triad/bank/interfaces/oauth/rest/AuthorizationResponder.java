package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import org.triad.bank.application.oauth.OAuthGrants;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.application.oauth.TokenOutcome;

/**
 * Answers a checked authorization request at the app's registered redirect URI: a code in the query, the legacy
 * implicit grant's access token in the fragment, or an RFC 6749 §4.1.2.1 / §4.2.2.1 error; {@code state} exactly
 * as sent.
 */
@ApplicationScoped
public class AuthorizationResponder {

    @EJB
    OAuthProvider provider;

    @EJB
    OAuthGrants grants;

    @Inject
    OAuthEndpoints endpoints;

    /** Issues the code or token for the signed-in customer; the URL to send the browser to. */
    public URI grant(PendingAuthorization p, long customerId, Instant authTime, String userAgent, String ipAddress) {
        State state = p.state() == null ? null : new State(p.state());
        if (p.implicit()) {
            TokenOutcome t = grants.implicit(customerId, p.clientId(), p.scopes(), userAgent, ipAddress);
            if (!t.ok()) {
                return error(p, new ErrorObject(t.error(), t.errorDescription()));
            }
            long lifetime = Math.max(1, t.accessExpiresAt().getEpochSecond() - Instant.now().getEpochSecond());
            BearerAccessToken token = new BearerAccessToken(t.accessToken(), lifetime, OAuthHttp.scope(t.scopes()));
            // iss in the success fragment too (RFC 9207; discovery says authorization_response_iss_parameter_supported)
            return new AuthorizationSuccessResponse(URI.create(p.redirectUri()), null, token, state,
                    new Issuer(endpoints.issuer()), ResponseMode.FRAGMENT).toURI();
        }
        String code = provider.issueCode(customerId, p.clientPk(), p.redirectUri(), p.scopes(), p.nonce(),
                p.codeChallenge(), p.challengeMethod(), authTime);
        return new AuthorizationSuccessResponse(URI.create(p.redirectUri()), new AuthorizationCode(code), null, state,
                new Issuer(endpoints.issuer()), ResponseMode.QUERY).toURI();
    }

    public URI denied(PendingAuthorization p) {
        return error(p, OAuth2Error.ACCESS_DENIED.setDescription("The user denied the request."));
    }

    public URI error(PendingAuthorization p, ErrorObject error) {
        return error(p.redirectUri(), p.state(), p.implicit(), error);
    }

    URI error(String redirectUri, String state, boolean fragment, ErrorObject error) {
        return new AuthorizationErrorResponse(URI.create(redirectUri), error,
                state == null ? null : new State(state), new Issuer(endpoints.issuer()),
                fragment ? ResponseMode.FRAGMENT : ResponseMode.QUERY).toURI();
    }
}
