package org.triad.bank.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;

/** The signed-in caller of a request: its principal's name is the customer id. */
final class Caller {

    private Caller() {
    }

    static long id(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new NotAuthorizedException("Basic realm=\"" + BankAuthenticationMechanism.REALM + "\"");
        }
        return Long.parseLong(principal.getName());
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required.");
        }
        return body;
    }
}
