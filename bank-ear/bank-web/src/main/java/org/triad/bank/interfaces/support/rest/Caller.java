package org.triad.bank.interfaces.support.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.CacheControl;
import java.security.Principal;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/** The signed-in caller of a request (its principal's name is the customer id), and small response helpers. */
public final class Caller {

    private Caller() {
    }

    /**
     * The signed-in person's customer id.
     *
     * @throws NotAuthorizedException without a caller (401)
     * @throws ForbiddenException     for a client acting on its own behalf (client-credentials token), which is
     *                                no customer (403)
     */
    public static long id(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Basic realm=\"" + BankAuthenticationMechanism.REALM + "\"");
        }
        try {
            return Long.parseLong(principal.getName());
        } catch (NumberFormatException e) {
            throw new ForbiddenException("This request needs a signed-in person, not a client.");
        }
    }

    /** The request body, or 400 when the request had none. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required.");
        }
        return body;
    }

    /** {@code Cache-Control: no-store}, for answers that carry secrets or one-time state. */
    public static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
