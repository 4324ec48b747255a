package org.triad.bank.interfaces.login.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.login.EmailCodeLogin;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.support.rest.Caller;

/** Sign-in codes by email, for {@code POST /api/v1/auth/login} with {@code "method": "email-code"}. */
@Path("v1/auth/login-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Login methods", description = "Sign-in codes by email, TOTP authenticators, QR login")
public class LoginCodesResource {

    public record LoginCodeRequest(String email) {
    }

    @EJB
    EmailCodeLogin emailCodes;

    @POST
    @RateLimited("login-codes")
    @Operation(summary = "Mail a sign-in code", description = "The same answer for every address: whether an account exists is not revealed. The code is valid 10 minutes, 5 attempts, once.")
    @APIResponse(responseCode = "202", description = "If the address belongs to an active account, a code was mailed")
    @APIResponse(responseCode = "429", description = "Too many requests")
    public Response request(LoginCodeRequest body) {
        String email = Caller.body(body).email();
        emailCodes.requestCode(email);
        return Response.accepted(Map.of("expiresInSeconds", 600,
                "message", "If the address belongs to an active account, a sign-in code was sent to it."))
                .cacheControl(Caller.noStore()).build();
    }
}
