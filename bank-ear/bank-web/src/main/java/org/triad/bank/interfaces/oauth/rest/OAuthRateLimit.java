package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.ErrorObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.triad.bank.interfaces.ratelimit.RateLimiter;

/**
 * The rate-limit rule {@value #RULE} of the back-channel endpoints (token, introspection, revocation). A request of a
 * confidential app that authenticated with its secret counts for that app ({@code per-account}, per
 * {@code client_id}: a shop back end speaks for all its customers from one address); every other request (public
 * apps, failed or missing authentication) counts for its client address ({@code per-ip}). A public app's
 * {@code client_id} proves nothing, so it is never counted: nobody can use up another app's budget. Over the limit: 429 with {@code Retry-After} and the OAuth error {@code temporarily_unavailable}, and the
 * request is not looked at further.
 */
@ApplicationScoped
public class OAuthRateLimit {

    public static final String RULE = "oauth-token";

    @Inject
    RateLimiter limiter;

    /**
     * Counts the request; false (after writing the 429) if it is over the limit.
     *
     * @param client the outcome of client authentication
     */
    boolean admit(HttpServletRequest request, HttpServletResponse response, ClientAuthenticator.Result client)
            throws IOException {
        String account = client.ok() && client.client().confidential() ? "client:" + client.client().clientId() : null;
        RateLimiter.Verdict verdict = account != null ? limiter.hit(RULE, null, account)
                : limiter.hit(RULE, limiter.clientAddress(request), null);
        if (verdict.allowed()) {
            return true;
        }
        response.setHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
        OAuthHttp.error(response, new ErrorObject("temporarily_unavailable",
                "Too many requests; retry after " + verdict.retryAfterSeconds() + " seconds.", 429), false);
        return false;
    }
}
