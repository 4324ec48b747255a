package org.triad.bank.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.triad.bank.application.identity.BankAccessTokens;
import org.triad.bank.application.login.Authentication;
import org.triad.common.rest.Problem;
import org.triad.common.security.VerifiedAccessToken;

/**
 * What the request's credentials say beyond the caller's identity: the verified access token (a JWT presented as
 * {@code Authorization: Bearer}) with its scopes and client, and the caller's own device session.
 *
 * <p>Scopes: resources that third-party apps may call require a scope with {@link #requireScope(String)}. Callers
 * that did not present an access token (portal browser session, opaque session token, HTTP Basic) and first-party
 * access tokens have every scope; a third-party token only its granted ones.
 */
@RequestScoped
public class CallerToken {

    @Inject
    HttpServletRequest request;

    @Inject
    BankAccessTokens tokens;

    @EJB
    Authentication authentication;

    /** The request's verified access token, if the caller presented one. */
    public Optional<VerifiedAccessToken> token() {
        return Optional.ofNullable((VerifiedAccessToken) request.getAttribute(VerifiedAccessToken.REQUEST_ATTRIBUTE));
    }

    /** Whether the caller acts through a first-party client (or without an access token at all). */
    public boolean isFirstParty() {
        return token().map(tokens::isFirstParty).orElse(true);
    }

    /** Whether the caller may use {@code scope}. */
    public boolean hasScope(String scope) {
        return token().map(t -> tokens.isFirstParty(t) || t.hasScope(scope)).orElse(true);
    }

    /**
     * Refuses the request with {@code 403 insufficient-scope} ({@code WWW-Authenticate: Bearer
     * error="insufficient_scope"}) unless the caller may use {@code scope}.
     */
    public void requireScope(String scope) {
        if (!hasScope(scope)) {
            throw new ForbiddenException(Response.status(403)
                    .header("WWW-Authenticate", "Bearer realm=\"" + BankAuthenticationMechanism.REALM
                            + "\", error=\"insufficient_scope\", scope=\"" + scope + "\"")
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of("insufficient-scope", "Insufficient scope", 403,
                            "This request needs the scope " + scope + ".").withInstance(request.getRequestURI())
                            .toJson().toString())
                    .build());
        }
    }

    /** Refuses third-party access tokens ({@code 403}): for the customer's own account management. */
    public void requireFirstParty() {
        if (!isFirstParty()) {
            throw new ForbiddenException(Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of("first-party-only", "First-party only", 403,
                            "Third-party applications cannot call this.").withInstance(request.getRequestURI())
                            .toJson().toString())
                    .build());
        }
    }

    /**
     * The handle of the caller's own device session: the {@code sid} of its access token, or the session of its
     * opaque session token or portal browser session; {@code null} for HTTP Basic.
     */
    public String deviceHandle() {
        Optional<VerifiedAccessToken> token = token();
        if (token.isPresent()) {
            return token.get().sessionHandle();
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authentication.handleOf(header.substring(7).trim()).orElse(null);
        }
        String portal = BankAuthenticationMechanism.sessionToken(request);
        return portal == null ? null : authentication.handleOf(portal).orElse(null);
    }
}
