package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthGrants;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the {@code id_token_hint} (signed by us) names the
 * app and the device session, which is revoked; the browser's portal session is signed out; the browser goes to
 * {@code post_logout_redirect_uri} only if it is exactly one the app registered, with {@code state}; otherwise to the
 * bank's start page.
 */
@WebServlet(urlPatterns = OAuthEndpoints.LOGOUT)
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthGrants grants;

    @EJB
    transient OAuthProvider provider;

    @Inject
    transient BankAuthenticationMechanism mechanism;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String hint = request.getParameter("id_token_hint");
        String target = request.getParameter("post_logout_redirect_uri");
        String state = request.getParameter("state");
        Optional<String> clientId = hint == null ? Optional.empty() : grants.endSession(hint);
        if (hint != null && clientId.isEmpty()) {
            AuthorizeServlet.errorPage(request, response, "invalid_request", "The id_token_hint is not valid.");
            return;
        }
        mechanism.signOut(request);
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        if (target != null) {
            Optional<ClientView> client = clientId.flatMap(provider::client);
            if (client.isEmpty() || !client.get().postLogoutUris().contains(target)) {
                AuthorizeServlet.errorPage(request, response, "invalid_request",
                        "The post_logout_redirect_uri is not registered for the app of the id_token_hint.");
                return;
            }
            String location = target + (state == null ? ""
                    : (target.contains("?") ? "&" : "?") + URLUtils.serializeParameters(Map.of("state", List.of(state))));
            response.sendRedirect(location);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/signin.xhtml?signedOut=true");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        doGet(request, response);
    }
}
