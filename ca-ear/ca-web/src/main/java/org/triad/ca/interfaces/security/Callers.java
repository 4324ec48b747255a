package org.triad.ca.interfaces.security;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.triad.ca.domain.model.account.CaAccount;

/** Role checks of the REST API, answering 401 (who are you?) or 403 (not you). */
public final class Callers {

    private Callers() {
    }

    public static String actor(SecurityContext security, String remoteAddress) {
        return security.getUserPrincipal() != null ? security.getUserPrincipal().getName()
                : "anonymous@" + remoteAddress;
    }

    public static void requireAdmin(SecurityContext security) {
        requireAny(security, CaAccount.ROLE_ADMIN);
    }

    public static void requireAny(SecurityContext security, String... roles) {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Authentication is required (HTTP Basic over TLS).",
                    Response.status(401).header("WWW-Authenticate", "Basic realm=\"Triad CA\", charset=\"UTF-8\"").build());
        }
        for (String role : roles) {
            if (security.isUserInRole(role)) {
                return;
            }
        }
        throw new ForbiddenException("This operation needs the role " + String.join(" or ", roles) + ".");
    }
}
