package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/**
 * The authorization endpoint. An unknown {@code client_id}, an app that is not approved, or a {@code redirect_uri}
 * that is not exactly one of the app's is shown as an error page and never redirected to (no open redirect); every
 * other error goes back to the app per RFC 6749 §4.1.2.1. Not signed in: the request is kept in the session and the
 * browser signs in first ({@code /signin.xhtml?next=/oauth2/authorize?resume=...}); then remembered consent answers
 * at once, otherwise the consent page asks.
 */
@WebServlet(urlPatterns = OAuthEndpoints.AUTHORIZE)
public class AuthorizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthProvider provider;

    @Inject
    transient AuthorizationResponder responder;

    @Inject
    transient PendingAuthorizations pending;

    @Inject
    transient BankAuthenticationMechanism mechanism;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String resume = request.getParameter("resume");
        if (resume != null && request.getParameterMap().size() == 1) {
            PendingAuthorizations.Parked parked = pending.takeRaw(resume);
            if (parked == null) {
                errorPage(request, response, "expired", "The sign-in took too long; start again from the app.");
                return;
            }
            authorize(parked.parameters(), parked.parkedAt(), request, response);
        } else {
            authorize(URLUtils.parseParameters(request.getQueryString()), null, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Map<String, List<String>> params = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
        authorize(params, null, request, response);
    }

    /**
     * @param parkedAt when the request was parked for a sign-in (a resumed request), else null: a sign-in since then
     *                 satisfies {@code prompt=login} and {@code max_age}
     */
    private void authorize(Map<String, List<String>> params, Instant parkedAt, HttpServletRequest request,
                           HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        // 1. who asks and where the answer goes: checked before anything is sent anywhere
        String clientId = single(params, "client_id");
        String redirectUri = single(params, "redirect_uri");
        if (clientId == null || clientId.isBlank()) {
            errorPage(request, response, "invalid_request", "The request has no (or more than one) client_id.");
            return;
        }
        Optional<ClientView> found = provider.client(clientId);
        if (found.isEmpty()) {
            errorPage(request, response, "invalid_client", "There is no app with this client_id.");
            return;
        }
        ClientView client = found.get();
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            errorPage(request, response, "invalid_redirect_uri",
                    "The redirect_uri is missing or not exactly one of the app's registered redirect URIs.");
            return;
        }
        if (!client.approved()) {
            errorPage(request, response, "unauthorized_client", "This app is not approved on the platform.");
            return;
        }
        String state = single(params, "state");
        String responseTypeValue = single(params, "response_type");
        boolean implicitAsked = "token".equals(responseTypeValue);

        // 2. the request itself, parsed by the SDK; errors go back to the app
        AuthorizationRequest ar;
        try {
            ar = AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            redirect(response, responder.error(redirectUri, state, implicitAsked, error));
            return;
        }
        ResponseType type = ar.getResponseType();
        boolean implicit;
        if (type.equals(ResponseType.CODE)) {
            implicit = false;
        } else if (type.equals(ResponseType.TOKEN)) {
            if (!client.legacyImplicit()) {
                redirect(response, responder.error(redirectUri, state, true, OAuth2Error.UNAUTHORIZED_CLIENT
                        .setDescription("This app may not use response_type=token; use the code flow with PKCE.")));
                return;
            }
            implicit = true;
        } else {
            redirect(response, responder.error(redirectUri, state, false, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE
                    .setDescription("Supported: code (and token for legacy apps).")));
            return;
        }
        ResponseMode mode = ar.getResponseMode();
        if (mode != null && !mode.equals(implicit ? ResponseMode.FRAGMENT : ResponseMode.QUERY)) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_REQUEST
                    .setDescription("Unsupported response_mode.")));
            return;
        }
        Set<String> scopes;
        try {
            scopes = Scopes.parse(ar.getScope() == null ? "" : ar.getScope().toString());
        } catch (RuntimeException e) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_SCOPE
                    .setDescription(e.getMessage())));
            return;
        }
        if (scopes.isEmpty() || !client.scopes().containsAll(scopes)) {
            Set<String> extra = new LinkedHashSet<>(scopes);
            extra.removeAll(client.scopes());
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_SCOPE
                    .setDescription(scopes.isEmpty() ? "The request needs a scope."
                            : "Scope not allowed for this app: " + String.join(" ", extra))));
            return;
        }
        String challenge = null;
        String method = null;
        if (!implicit) {
            if (ar.getCodeChallenge() == null) {
                if (!client.confidential()) {
                    redirect(response, responder.error(redirectUri, state, false, OAuth2Error.INVALID_REQUEST
                            .setDescription("PKCE is required: send code_challenge with code_challenge_method=S256.")));
                    return;
                }
            } else {
                // no method means plain (RFC 7636 §4.3): refused like an explicit plain
                if (!CodeChallengeMethod.S256.equals(ar.getCodeChallengeMethod())) {
                    redirect(response, responder.error(redirectUri, state, false, OAuth2Error.INVALID_REQUEST
                            .setDescription("Only code_challenge_method=S256 is supported.")));
                    return;
                }
                challenge = ar.getCodeChallenge().getValue();
                method = "S256";
            }
        }
        String nonce = single(params, "nonce");
        if (nonce != null && nonce.length() > 500) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_REQUEST
                    .setDescription("The nonce is too long.")));
            return;
        }
        Prompt prompt;
        try {
            prompt = Prompt.parse(single(params, "prompt"));
        } catch (ParseException e) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_REQUEST
                    .setDescription("Invalid prompt.")));
            return;
        }
        boolean promptNone = prompt != null && prompt.contains(Prompt.Type.NONE);
        boolean promptConsent = prompt != null && prompt.contains(Prompt.Type.CONSENT);
        boolean promptLogin = prompt != null && prompt.contains(Prompt.Type.LOGIN);
        if (promptNone && prompt.size() > 1) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_REQUEST
                    .setDescription("prompt=none cannot be combined with other values.")));
            return;
        }
        Long maxAge;
        try {
            maxAge = maxAge(params);
        } catch (IllegalArgumentException e) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.INVALID_REQUEST
                    .setDescription("max_age must be a number of seconds (0 or more).")));
            return;
        }

        // 3. the customer
        if (request.getUserPrincipal() == null) {
            if (promptNone) {
                redirect(response, responder.error(redirectUri, state, implicit, OIDCError.LOGIN_REQUIRED));
                return;
            }
            signInFirst(params, request, response);
            return;
        }
        if (!request.isUserInRole("customer")) {
            redirect(response, responder.error(redirectUri, state, implicit, OAuth2Error.ACCESS_DENIED
                    .setDescription("Only customer accounts can sign in to apps.")));
            return;
        }
        // OIDC Core §3.1.2.1: prompt=login and max_age ask for a sign-in made for this request (or recent enough)
        // (the sign-in time costs a query: read it only when asked for or when a grant is issued below)
        Instant authTime = promptLogin || maxAge != null ? authTime(request) : null;
        boolean signedInForThisRequest = parkedAt != null && authTime != null && !authTime.isBefore(parkedAt);
        boolean tooOld = maxAge != null
                && (authTime == null || authTime.plusSeconds(maxAge).isBefore(Instant.now()));
        if ((promptLogin || tooOld) && !signedInForThisRequest) {
            if (promptNone) {
                redirect(response, responder.error(redirectUri, state, implicit, OIDCError.LOGIN_REQUIRED));
                return;
            }
            // the old sign-in is ended (a device session of its own), the request waits for the new one
            mechanism.signOut(request);
            signInFirst(params, request, response);
            return;
        }
        long customerId = Long.parseLong(request.getUserPrincipal().getName());
        PendingAuthorization p = new PendingAuthorization(Hashes.randomToken(), client.id(), client.clientId(),
                redirectUri, implicit, scopes, state, nonce, challenge, method);
        boolean consented = provider.hasConsent(customerId, client.id(), scopes);
        if (consented && !promptConsent) {
            redirect(response, responder.grant(p, customerId, authTime != null ? authTime : authTime(request),
                    userAgent(request), request.getRemoteAddr()));
            return;
        }
        if (promptNone) {
            redirect(response, responder.error(redirectUri, state, implicit, OIDCError.CONSENT_REQUIRED));
            return;
        }
        pending.keep(p);
        redirect(response, URI.create(request.getContextPath() + OAuthEndpoints.CONSENT_PAGE + "?request=" + p.id()));
    }

    /** Parks the request in the HTTP session and sends the browser to sign in, then back here. */
    private void signInFirst(Map<String, List<String>> params, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String resume = pending.keepRaw(params);
        redirect(response, URI.create(request.getContextPath() + BankAuthenticationMechanism.SIGN_IN_PAGE
                + "?next=" + URLEncoder.encode(OAuthEndpoints.AUTHORIZE + "?resume=" + resume,
                StandardCharsets.UTF_8)));
    }

    /** The {@code max_age} parameter in seconds, or null; anything but a non-negative integer is refused. */
    static Long maxAge(Map<String, List<String>> params) {
        List<String> values = params.get("max_age");
        if (values == null) {
            return null;
        }
        if (values.size() != 1 || !values.get(0).matches("\\d{1,9}")) {
            throw new IllegalArgumentException("max_age");
        }
        return Long.parseLong(values.get(0));
    }

    Instant authTime(HttpServletRequest request) {
        return provider.signedInAt(mechanism.currentToken(request));
    }

    static String userAgent(HttpServletRequest request) {
        String ua = request.getHeader("User-Agent");
        return ua == null ? null : ua.substring(0, Math.min(ua.length(), 250));
    }

    /** A parameter given exactly once (RFC 6749 §3.1: parameters must not be repeated), else null. */
    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    private static void redirect(HttpServletResponse response, URI location) throws IOException {
        response.sendRedirect(location.toString());
    }

    static void errorPage(HttpServletRequest request, HttpServletResponse response, String error, String description)
            throws ServletException, IOException {
        response.setStatus(400);
        request.setAttribute("oauthError", error);
        request.setAttribute("oauthErrorDescription", description);
        request.getRequestDispatcher(OAuthEndpoints.ERROR_PAGE).forward(request, response);
    }
}
