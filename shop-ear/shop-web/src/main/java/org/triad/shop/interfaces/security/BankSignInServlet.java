package org.triad.shop.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.triad.shop.infrastructure.bank.BankOidc;

/**
 * {@code GET /oauth/start?next=/path} (sign in with the bank) or {@code ?purpose=bind-card} (ask the bank for
 * {@code cards:read} to list the user's cards): a new authorization request (state, nonce, PKCE verifier kept in the
 * HTTP session) and a redirect to the bank's authorization endpoint.
 */
@WebServlet("/oauth/start")
public class BankSignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PENDING = 5;

    @Inject
    transient BankOidc oidc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean bind = "bind-card".equals(request.getParameter("purpose"));
        if (bind && SignedIn.of(request) == null) {
            response.sendRedirect(request.getContextPath() + ShopAuthenticationMechanism.SIGN_IN_PAGE
                    + "?next=%2Faccount%2Findex.xhtml");
            return;
        }
        BankOidc.Pending pending = oidc.begin(bind ? BankOidc.Purpose.BIND_CARD : BankOidc.Purpose.SIGN_IN,
                SafeNext.of(request.getParameter("next")));
        HttpSession session = request.getSession(true);
        Map<String, BankOidc.Pending> inFlight = SignedIn.pending(session);
        synchronized (inFlight) {
            inFlight.values().removeIf(p -> p.createdAt().isBefore(Instant.now().minusSeconds(600)));
            while (inFlight.size() >= MAX_PENDING) {
                inFlight.values().stream().min(Comparator.comparing(BankOidc.Pending::createdAt))
                        .ifPresent(oldest -> inFlight.remove(oldest.state()));
            }
            inFlight.put(pending.state(), pending);
            session.setAttribute(SignedIn.PENDING, inFlight);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(oidc.authorizationUri(pending, false).toString());
    }
}
