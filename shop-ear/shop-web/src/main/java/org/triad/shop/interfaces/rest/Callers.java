package org.triad.shop.interfaces.rest;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/** The REST caller's shop user id (signed in by a bank access token), or 401. */
final class Callers {

    private Callers() {
    }

    static long id(SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Send a bank access token as Bearer.", "Bearer realm=\"triad-shop\"");
        }
        return Long.parseLong(security.getUserPrincipal().getName());
    }

    static Long idOrNull(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : Long.valueOf(security.getUserPrincipal().getName());
    }
}
