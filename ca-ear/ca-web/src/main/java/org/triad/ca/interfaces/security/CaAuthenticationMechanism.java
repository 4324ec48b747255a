package org.triad.ca.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import org.triad.ca.application.CaAccounts;

/**
 * Signs callers in against the CA's accounts:
 * <ul>
 * <li>{@code Authorization: Basic} on any request (API clients; only ever over TLS, the listener
 * policy refuses plain HTTP for the API) — a wrong password is a 401 problem;</li>
 * <li>the login page's {@code SecurityContext.authenticate} call (admin UI), remembered in the
 * session;</li>
 * <li>an unauthenticated request to a protected page is sent to the login page.</li>
 * </ul>
 */
@ApplicationScoped
@AutoApplySession
public class CaAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";

    /** How long a verified HTTP Basic credential is remembered (API clients send it on every call). */
    private static final long BASIC_CACHE_MILLIS = 30_000;
    private static final int BASIC_CACHE_MAX = 1_000;

    @Inject
    CaAccounts accounts;

    private final Map<String, CachedLogin> verifiedBasic = new ConcurrentHashMap<>();
    private final byte[] cacheSalt = new byte[16];

    {
        new SecureRandom().nextBytes(cacheSalt);
    }

    private record CachedLogin(String caller, Set<String> roles, long until) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !request.isSecure()) {
            // Plain HTTP (port 8080 serves the public PKI files and health only): no credential is looked at, so a
            // password sent in clear is neither checked nor counted; ListenerPolicyFilter redirects or refuses.
            return context.doNothing();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String encoded = authorization.substring(6).trim();
            String cacheKey = cacheKey(encoded);
            CachedLogin cached = verifiedBasic.get(cacheKey);
            if (cached != null && cached.until() > System.currentTimeMillis()) {
                return context.notifyContainerAboutLogin(cached.caller(), cached.roles());
            }
            Optional<UsernamePasswordCredential> credential = decodeBasic(encoded);
            Optional<Set<String>> roles = credential.flatMap(c -> accounts.authenticate(c.getCaller(),
                    c.getPassword().getValue(), false, request.getRemoteAddr()));
            if (roles.isPresent()) {
                // PBKDF2 costs ~0.1 s of CPU by design; an API client calling many times a second
                // must not pay it on every request. Only successes are remembered, briefly.
                if (verifiedBasic.size() >= BASIC_CACHE_MAX) {
                    verifiedBasic.clear();
                }
                verifiedBasic.put(cacheKey, new CachedLogin(credential.get().getCaller(), roles.get(),
                        System.currentTimeMillis() + BASIC_CACHE_MILLIS));
                return context.notifyContainerAboutLogin(credential.get().getCaller(), roles.get());
            }
            verifiedBasic.remove(cacheKey);
            return unauthorized(response, "The user name or password is wrong, or the account is locked.");
        }
        if (context.isAuthenticationRequest()) {
            Credential credential = context.getAuthParameters().getCredential();
            if (credential instanceof UsernamePasswordCredential up) {
                Optional<Set<String>> roles = accounts.authenticate(up.getCaller(), up.getPassword().getValue(), true,
                        request.getRemoteAddr());
                if (roles.isPresent()) {
                    return context.notifyContainerAboutLogin(up.getCaller(), roles.get());
                }
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected()) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/")) {
                return unauthorized(response, "Authentication is required.");
            }
            String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /** A salted digest, so the cache never holds a password or an offline-guessable hash of one. */
    private String cacheKey(String encodedCredentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cacheSalt);
            return HexFormat.of().formatHex(sha.digest(encodedCredentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<UsernamePasswordCredential> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Triad CA\", charset=\"UTF-8\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"https://triad.example/problems/unauthorized\",\"title\":"
                    + "\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
