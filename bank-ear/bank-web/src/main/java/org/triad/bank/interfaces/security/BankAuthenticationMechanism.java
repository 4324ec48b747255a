package org.triad.bank.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.triad.bank.application.identity.BankAccessTokens;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.login.EmailCodeLogin;
import org.triad.bank.application.login.QrLogin;
import org.triad.bank.application.login.TotpService;
import org.triad.bank.application.login.WeChatLogin;
import org.triad.bank.domain.model.login.QrSceneException;
import org.triad.bank.interfaces.ratelimit.RateLimitFilter;
import org.triad.bank.interfaces.ratelimit.RateLimiter;
import org.triad.common.rest.Problem;
import org.triad.common.security.InvalidAccessTokenException;
import org.triad.common.security.VerifiedAccessToken;

/**
 * Authenticates each request that carries credentials, over TLS only (over plain HTTP no credential is even looked
 * at): {@code Authorization: Basic} (email or staff name and password), {@code Authorization: Bearer <access token>}
 * (a JWT from {@code POST /api/v1/auth/login} or the OAuth token endpoint, told apart by its shape: three
 * dot-separated parts) or {@code Authorization: Bearer <session token>} (opaque, from {@code POST /api/v1/sessions}).
 * Requests to {@code /oauth2/*} are left to the OAuth endpoints, which authenticate clients and tokens themselves.
 * Refused credentials get a 401 problem ({@code invalid-credentials}, {@code account-locked},
 * {@code account-not-activated}).
 * <p>
 * The portal's sign-in page calls {@code SecurityContext.authenticate} with a {@link UsernamePasswordCredential};
 * a valid one opens a login session record (as {@code POST /api/v1/sessions} does) whose token is kept in the HTTP
 * session, and later page requests are signed in with that token — so the record's "last seen" moves and revoking
 * it ends the browser session at once. The remembered token is never applied to {@code /api/} requests: API
 * clients present their credentials explicitly, and a browser's cookie cannot move money through the API (CSRF).
 * A protected page without a caller redirects to the sign-in page; requests without credentials otherwise pass
 * anonymously and resources that need a caller answer 401 themselves.
 */
@ApplicationScoped
public class BankAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String REALM = "triad-bank";

    /** The rate-limit rule of sign-in attempts, shared with {@code POST /api/v1/sessions}. */
    public static final String SIGN_IN_RULE = "sign-in";

    /** The sign-in page of the portal and back office. */
    public static final String SIGN_IN_PAGE = "/signin.xhtml";

    /** Request header with the TOTP (or recovery) code for HTTP Basic sign-ins of customers with an authenticator. */
    public static final String OTP_HEADER = "X-Triad-OTP";

    /** HTTP session attribute holding the login session token of a form sign-in. */
    static final String SESSION_TOKEN = BankAuthenticationMechanism.class.getName() + ".token";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginOutcome outcome;

    @Inject
    RateLimiter rateLimiter;

    @EJB
    Authentication authentication;

    @EJB
    EmailCodeLogin emailCodeLogin;

    @EJB
    TotpService totp;

    @EJB
    QrLogin qrLogin;

    @EJB
    org.triad.bank.application.login.Passkeys passkeys;

    @EJB
    WeChatLogin weChatLogin;
    @Inject
    BankAccessTokens accessTokens;

    @Inject
    ClientCertificates clientCertificates;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && !request.isSecure()) {
            // Plain HTTP: no credential is looked at (a password sent in clear is neither checked nor counted
            // toward a lockout); ListenerPolicyFilter then serves the plain-HTTP paths or redirects/refuses.
            return context.doNothing();
        }
        if (header == null || header.isBlank() || isOAuthEndpoint(request)) {
            // the OAuth endpoints authenticate clients and tokens themselves (RFC 6749 errors, client secrets as
            // HTTP Basic); the portal's browser session still applies there (authorization requests)
            return withoutHeader(request, context);
        }
        String bearer = bearer(header.trim());
        if (bearer != null && BankAccessTokens.looksLikeJwt(bearer)) {
            return accessToken(bearer, request, response, context);
        }
        Credential credential = credential(header.trim());
        if (credential == null) {
            return refuse(request, response, Problem.of("invalid-credentials", "Invalid credentials", 401,
                    "Use Basic or Bearer authorization."));
        }
        // Password guessing: an address over the sign-in limit gets 429 before its password is even checked, and
        // each failed password counts (successful sign-ins are counted by POST /sessions' own rule).
        boolean password = credential instanceof UsernamePasswordCredential;
        String address = password ? rateLimiter.clientAddress(request) : null;
        if (password) {
            RateLimiter.Verdict verdict = rateLimiter.check(SIGN_IN_RULE, address);
            if (!verdict.allowed()) {
                return tooManyRequests(request, response, verdict);
            }
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            if (password) {
                Problem refused = secondStep(request, Long.parseLong(result.getCallerPrincipal().getName()));
                if (refused != null) {
                    rateLimiter.hit(SIGN_IN_RULE, address, null);
                    return refuse(request, response, refused);
                }
            }
            return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
        }
        if (password) {
            rateLimiter.hit(SIGN_IN_RULE, address, null);
        }
        Authentication.Outcome why = outcome.outcome();
        Problem problem = why == Authentication.Outcome.LOCKED
                ? Problem.of("account-locked", "Account locked", 401,
                        "Too many wrong passwords; the account is locked until " + outcome.lockedUntil() + ".")
                : why == Authentication.Outcome.NOT_ACTIVATED
                        ? Problem.of("account-not-activated", "Account not activated", 401,
                                "Activate the account with the code from the registration mail first.")
                        : Problem.of("invalid-credentials", "Invalid credentials", 401,
                                "The sign-in name, password or session token is wrong.");
        return refuse(request, response, problem);
    }

    /**
     * HTTP Basic of a customer with an authenticator also needs the code, in the header {@value #OTP_HEADER} (each
     * code works once, so API clients sign in once and use the session token).
     *
     * @return the problem to answer, or null if no second step is needed or it passed
     */
    private Problem secondStep(HttpServletRequest request, long customerId) {
        if (!totp.required(customerId)) {
            return null;
        }
        String code = request.getHeader(OTP_HEADER);
        if (code == null || code.isBlank()) {
            return Problem.of("mfa-required", "Second factor required", 401,
                    "This account has an authenticator: send its current code (or a recovery code) in "
                            + OTP_HEADER + ".");
        }
        return switch (totp.verify(customerId, code)) {
            case OK, NOT_ENROLLED -> null;
            case LOCKED -> Problem.of("account-locked", "Account locked", 401,
                    "Too many wrong codes; the account is locked for 15 minutes.");
            case WRONG -> Problem.of("invalid-credentials", "Invalid credentials", 401,
                    "The authenticator or recovery code is wrong.");
        };
    }

    /**
     * A JWT access token: validated by the common resource-server library (signature by a current bank key, ES256
     * only, issuer, audience, times, revocation list). The caller is the token's subject, its groups the token's
     * roles; the verified token is kept as request attribute for {@link CallerToken}. Refused: 401 with
     * {@code WWW-Authenticate: Bearer error="invalid_token"}.
     */
    private AuthenticationStatus accessToken(String jwt, HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        VerifiedAccessToken token;
        try {
            token = accessTokens.validate(jwt);
            // RFC 8705 §3: a token bound to a client certificate is good only on a connection with that certificate
            String bound = BankAccessTokens.certificateBinding(jwt).orElse(null);
            String refusal = bound == null ? null : clientCertificates.refusalForBoundToken(request, bound);
            if (refusal != null) {
                return refuseToken(request, response, refusal);
            }
        } catch (InvalidAccessTokenException e) {
            return refuseToken(request, response, e.getMessage());
        }
        request.setAttribute(VerifiedAccessToken.REQUEST_ATTRIBUTE, token);
        return context.notifyContainerAboutLogin(token.subject(), token.roles());
    }

    private AuthenticationStatus withoutHeader(HttpServletRequest request, HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            return formSignIn(request, context);
        }
        boolean api = isApi(request);
        // Faces resources (scripts, styles) are public and need no caller: no database round trip for them
        if (!api && !isFacesResource(request)) {
            HttpSession session = request.getSession(false);
            Object token = session == null ? null : session.getAttribute(SESSION_TOKEN);
            if (token instanceof String t) {
                CredentialValidationResult result = identityStores.validate(new SessionTokenCredential(t));
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
                }
                // revoked, or the account got locked: the browser is signed out
                session.removeAttribute(SESSION_TOKEN);
            }
        }
        if (context.isProtected() && !api) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /**
     * {@code SecurityContext.authenticate} from the sign-in page: a password, an email code, the second step (TOTP
     * or recovery code), a confirmed QR login scene or a passkey. A failure answers {@code SEND_FAILURE} without a body: the
     * page shows the reason, which {@link LoginOutcome} holds for the rest of the request. A right first step of a
     * customer with an authenticator signs nobody in yet: the HTTP session remembers it for the second step.
     */
    private AuthenticationStatus formSignIn(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        // the sign-in page is rate-limited like the API's sign-in: over the limit nothing is checked
        String address = rateLimiter.clientAddress(request);
        if (!rateLimiter.check(SIGN_IN_RULE, address).allowed()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Authentication.Result result;
        boolean firstStep = true;
        String method;
        if (credential instanceof UsernamePasswordCredential) {
            CredentialValidationResult valid = identityStores.validate(credential);
            result = valid.getStatus() == CredentialValidationResult.Status.VALID
                    ? new Authentication.Result(Authentication.Outcome.OK,
                            Long.parseLong(valid.getCallerPrincipal().getName()), valid.getCallerGroups(), null)
                    : null;
            method = "password";
        } else if (credential instanceof EmailCodeCredential code) {
            result = outcome.recorded(emailCodeLogin.verify(code.email(), code.code()));
            method = "email code";
        } else if (credential instanceof SecondFactorCredential code) {
            firstStep = false;
            method = "second step";
            Long pending = PortalLogin.pendingCustomer(request);
            TotpService.Check check = pending == null ? TotpService.Check.NOT_ENROLLED : totp.verify(pending, code.code());
            result = switch (check) {
                case OK -> outcome.recorded(authentication.signedInBy(pending, Authentication.SECOND_STEP));
                case LOCKED -> outcome.recorded(authentication.signedInBy(pending, Authentication.SECOND_STEP));
                default -> outcome.recorded(new Authentication.Result(Authentication.Outcome.INVALID, 0,
                        java.util.Set.of(), null));
            };
            if (check == TotpService.Check.LOCKED) {
                PortalLogin.cancelSecondStep(request);
            }
        } else if (credential instanceof QrSceneCredential scene) {
            // the phone that confirmed was signed in already (and passed its own second step): no second step here
            firstStep = false;
            method = "qr";
            try {
                long customer = qrLogin.consume(scene.sceneId(), PortalLogin.qrSecret(request));
                result = outcome.recorded(authentication.signedInBy(customer, "qr"));
            } catch (QrSceneException refused) {
                outcome.qrRefused(refused.reason());
                return AuthenticationStatus.SEND_FAILURE;
            }
        } else if (credential instanceof PasskeyCredential passkey) {
            // user verification is required: the passkey is both factors, no second step after it
            firstStep = false;
            method = "passkey";
            try {
                result = outcome.recorded(authentication.signedInBy(
                        passkeys.authenticate(passkey.challenge(), passkey.responseJson()), "passkey"));
            } catch (org.triad.bank.domain.model.login.PasskeyException refused) {
                result = null;
            }
        } else {
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result == null || result.outcome() != Authentication.Outcome.OK) {
            rateLimiter.hit(SIGN_IN_RULE, address, null);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (firstStep && totp.required(result.customerId())) {
            PortalLogin.awaitSecondStep(request, result.customerId());
            outcome.secondStepRequired();
            return AuthenticationStatus.SEND_FAILURE;
        }
        PortalLogin.cancelSecondStep(request);
        String userAgent = request.getHeader("User-Agent");
        String token = authentication.openSession(result.customerId(),
                userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 250)),
                request.getRemoteAddr());
        request.getSession(true).setAttribute(SESSION_TOKEN, token);
        bindHeldWeChat(request, result.customerId(), method);
        return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(result.customerId())),
                result.groups());
    }

    /** A WeChat user who scanned this browser's QR code unbound is bound to whoever signed in here another way. */
    private void bindHeldWeChat(HttpServletRequest request, long customerId, String method) {
        String scene = PortalLogin.shownScene(request);
        if (scene != null && !"qr".equals(method)) {
            weChatLogin.bindHeld(scene, PortalLogin.qrSecret(request), customerId);
        }
    }

    /** Ends a form sign-in: revokes the login session record the HTTP session carries. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_TOKEN) instanceof String token) {
            authentication.closeSession(token);
            session.removeAttribute(SESSION_TOKEN);
        }
    }

    /** The login session token a form sign-in keeps in the HTTP session, or null. */
    public String currentToken(HttpServletRequest request) {
        return sessionToken(request);
    }

    /** The login session token a form sign-in keeps in the HTTP session, or null. */
    static String sessionToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_TOKEN) instanceof String token ? token : null;
    }

    private static boolean isOAuthEndpoint(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/oauth2/");
    }

    private static String bearer(String header) {
        return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static boolean isFacesResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    private static Credential credential(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).trim();
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return value.isEmpty() ? null : new SessionTokenCredential(value);
        }
        if ("Basic".equalsIgnoreCase(scheme)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    return null;
                }
                return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static AuthenticationStatus tooManyRequests(HttpServletRequest request, HttpServletResponse response,
                                                        RateLimiter.Verdict verdict) {
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(RateLimitFilter.problem(verdict, request.getRequestURI()).toJson().toString());
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus refuseToken(HttpServletRequest request, HttpServletResponse response,
                                                    String why) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                    + "error_description=\"" + why.replace('"', '\'').replace('\\', '/') + "\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.of("invalid-token", "Invalid access token", 401,
                    "The access token is not accepted: " + why + ".").withInstance(request.getRequestURI())
                    .toJson().toString());
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               Problem problem) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", Bearer realm=\"" + REALM + "\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem.withInstance(request.getRequestURI()).toJson().toString());
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
