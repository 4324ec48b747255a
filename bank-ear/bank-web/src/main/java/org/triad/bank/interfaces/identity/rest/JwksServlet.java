package org.triad.bank.interfaces.identity.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.triad.bank.application.identity.SigningKeys;

/**
 * {@code GET /oauth2/jwks}: the bank's public signing keys (RFC 7517 JWK Set), current and recently retired, for
 * every resource server and OIDC client. Cacheable for 5 minutes (clients re-fetch on an unknown {@code kid}).
 * A servlet of its own, so that the OAuth provider's other {@code /oauth2/*} endpoints stay independent of it.
 */
@WebServlet(urlPatterns = "/oauth2/jwks")
public class JwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SigningKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(keys.publicKeys().toString(true));
    }
}
