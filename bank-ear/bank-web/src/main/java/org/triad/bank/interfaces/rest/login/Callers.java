package org.triad.bank.interfaces.rest.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.CacheControl;
import java.security.Principal;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/** The signed-in caller of a request (its principal's name is the customer id), and small response helpers. */
final class Callers {

    private Callers() {
    }

    static long id(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Bearer realm=\"" + BankAuthenticationMechanism.REALM + "\"");
        }
        return Long.parseLong(principal.getName());
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required.");
        }
        return body;
    }

    static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
