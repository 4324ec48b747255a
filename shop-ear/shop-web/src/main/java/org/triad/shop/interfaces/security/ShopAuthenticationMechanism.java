package org.triad.shop.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.triad.common.rest.Problem;
import org.triad.common.security.InvalidAccessTokenException;
import org.triad.common.security.VerifiedAccessToken;
import org.triad.shop.application.AccountService;
import org.triad.shop.infrastructure.bank.BankOidc;
import org.triad.shop.infrastructure.bank.BankSignInException;

/**
 * The shop's one authentication mechanism (Jakarta Security, our own rather than
 * {@code @OpenIdAuthenticationMechanismDefinition}: that one has no PKCE, see docs/shop.md).
 * <ul>
 * <li>{@code SecurityContext.authenticate} with a {@link ShopCredential} (from the OpenID Connect callback or the local
 * sign-in form) signs the browser session in: the session id changes, the sign-in is kept in the HTTP session.</li>
 * <li>Later requests of that session are signed in as its shop user with the user's current roles (a ban or a new
 * role takes effect at the next request) — unless the bank ended the device session the sign-in came from
 * (revocation list, back-channel logout) or refused to refresh its tokens: then the session ends.</li>
 * <li>{@code /api/*} requests with {@code Authorization: Bearer <bank access token>} are signed in as the token's
 * user (validated by {@link BankAccessTokens}); the browser session is never used for the API (no CSRF through it).
 * </li>
 * <li>A protected page without a caller redirects to the sign-in page; a protected API answers 401.</li>
 * </ul>
 */
@ApplicationScoped
public class ShopAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    private static final Logger LOG = Logger.getLogger(ShopAuthenticationMechanism.class.getName());

    @EJB
    AccountService accounts;

    @EJB
    org.triad.shop.application.orders.CartService carts;

    @Inject
    BankAccessTokens accessTokens;

    @Inject
    BankOidc oidc;

    @Inject
    SignedInSessions sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof ShopCredential credential) {
            return signIn(request, response, context, credential.signedIn());
        }
        boolean api = isApi(request);
        String header = request.getHeader("Authorization");
        if (api && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context);
        }
        if (!api && !isFacesResource(request)) {
            SignedIn signedIn = current(request);
            if (signedIn != null) {
                Set<String> roles = accounts.roles(signedIn.userId());
                if (!roles.isEmpty()) {
                    return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(signedIn.userId())),
                            roles);
                }
                end(request);
            }
        }
        if (context.isProtected()) {
            if (api) {
                return unauthorized(request, response, null);
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, SignedIn signedIn) {
        Set<String> roles = accounts.roles(signedIn.userId());
        if (roles.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String anonymousCart = org.triad.shop.interfaces.web.CartCookie.owner(request);
        if (anonymousCart != null) {
            try {
                carts.merge(anonymousCart, signedIn.userId());
                org.triad.shop.interfaces.web.CartCookie.clear(request, response);
            } catch (RuntimeException e) {
                LOG.warning("Could not merge the anonymous cart at sign-in: " + e);
            }
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            request.changeSessionId();
        }
        SignedIn.store(request, signedIn);
        sessions.register(signedIn.sid(), request.getSession());
        return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(signedIn.userId())), roles);
    }

    /**
     * The session's sign-in if it still stands: a bank sign-in whose device session the bank ended is over; an
     * expired access token is refreshed (a refusal ends the session, an unreachable bank does not).
     */
    private SignedIn current(HttpServletRequest request) {
        SignedIn signedIn = SignedIn.of(request);
        if (signedIn == null || signedIn.bank() == null) {
            return signedIn;
        }
        if (signedIn.sid() != null && sessions.isEnded(signedIn.sid())) {
            end(request);
            return null;
        }
        if (signedIn.bank().accessExpiresAt().isAfter(Instant.now().plusSeconds(30))) {
            return signedIn;
        }
        HttpSession session = request.getSession(false);
        // one refresh per session at a time: parallel requests of a page wait for it and use its result
        synchronized (session.getId().intern()) {
            SignedIn again = SignedIn.of(request);
            if (again == null || again.bank().accessExpiresAt().isAfter(Instant.now().plusSeconds(30))) {
                return again;
            }
            try {
                SignedIn refreshed = new SignedIn(again.userId(), again.method(), oidc.refresh(again.bank()));
                SignedIn.store(request, refreshed);
                return refreshed;
            } catch (BankSignInException e) {
                if ("unreachable".equals(e.reason())) {
                    LOG.warning("The bank is unreachable for a token refresh; the session goes on: " + e.getMessage());
                    return again;
                }
                LOG.info(() -> "The bank refused to refresh a session's tokens (" + e.reason() + "): signed out");
                end(request);
                return null;
            }
        }
    }

    private static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException gone) {
                // already invalid
            }
        }
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        VerifiedAccessToken token;
        try {
            token = accessTokens.require(request);
        } catch (InvalidAccessTokenException e) {
            return unauthorized(request, response, e.getMessage());
        }
        if (token.isClientToken()) {
            return unauthorized(request, response, "a client token names no user");
        }
        request.setAttribute(VerifiedAccessToken.REQUEST_ATTRIBUTE, token);
        long userId = accounts.userForBankSubject(token.subject()).id();
        return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(userId)), accounts.roles(userId));
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String why) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", why == null ? "Bearer realm=\"triad-shop\""
                    : "Bearer realm=\"triad-shop\", error=\"invalid_token\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            Problem problem = why == null
                    ? Problem.of("unauthorized", "Unauthorized", 401, "Send a bank access token as Bearer.")
                    : Problem.of("invalid-token", "Invalid access token", 401,
                            "The access token is not accepted: " + why + ".");
            response.getWriter().write(problem.withInstance(request.getRequestURI()).toJson().toString());
        } catch (IOException e) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean isFacesResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }
}
