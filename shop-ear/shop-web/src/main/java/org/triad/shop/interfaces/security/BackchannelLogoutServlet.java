package org.triad.shop.interfaces.security;

import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.triad.shop.infrastructure.bank.BankOidc;
import org.triad.shop.infrastructure.bank.BankSignInException;

/**
 * {@code POST /oauth/backchannel-logout} (OpenID Connect Back-Channel Logout 1.0, §2.5): the bank posts
 * {@code logout_token=<JWT>} when a device session of the shop ends there. A valid token (see
 * {@link BankOidc#validateLogoutToken}) ends every shop session signed in through that {@code sid} and answers 200;
 * anything else 400 {@code invalid_request}, and nothing ends.
 */
@WebServlet("/oauth/backchannel-logout")
public class BackchannelLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BackchannelLogoutServlet.class.getName());

    @Inject
    transient BankOidc oidc;

    @Inject
    transient SignedInSessions sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        if (token == null || token.isBlank() || token.length() > 8192) {
            refuse(response, "logout_token is missing");
            return;
        }
        LogoutTokenClaimsSet claims;
        try {
            claims = oidc.validateLogoutToken(token);
        } catch (BankSignInException e) {
            LOG.info(() -> "Back-channel logout refused: " + e.getMessage());
            refuse(response, "the logout token is not valid");
            return;
        }
        String sid = claims.getSessionID().getValue();
        int ended = sessions.end(sid);
        LOG.info(() -> "Back-channel logout of bank session " + sid + ": " + ended + " shop session(s) ended here");
        response.setStatus(200);
    }

    private static void refuse(HttpServletResponse response, String description) throws IOException {
        response.setStatus(400);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}");
    }
}
