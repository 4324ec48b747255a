package org.triad.bank.interfaces.login.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.login.TotpService;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.interfaces.support.rest.Caller;
import org.triad.common.rest.Problem;

/** The signed-in customer's TOTP authenticator: enrol, confirm, recovery codes, disable. */
@Path("v1/me/totp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Login methods")
public class TotpResource {

    public record CodeRequest(String code) {
    }

    public record DisableRequest(String code, String password) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    @EJB
    TotpService totp;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The authenticator's state", description = "active, pending, recoveryCodesLeft")
    public TotpService.State state() {
        return totp.state(Caller.id(request));
    }

    @POST
    @Operation(summary = "Start an enrolment", description = "A new secret (Base32) and its otpauth:// URI; the enrolment stays pending until confirmed with a first code.")
    @APIResponse(responseCode = "201", description = "secret, uri")
    @APIResponse(responseCode = "409", description = "An authenticator is already active (invalid-state)")
    public Response start() {
        return Response.status(201).entity(totp.start(Caller.id(request))).cacheControl(Caller.noStore()).build();
    }

    @POST
    @Path("activation")
    @Operation(summary = "Confirm the enrolment with a first code", description = "Returns the 10 recovery codes, this once.")
    @APIResponse(responseCode = "200", description = "recoveryCodes")
    @APIResponse(responseCode = "422", description = "Wrong code (invalid-code); nothing changed")
    public Response activate(CodeRequest body) {
        List<String> codes = totp.confirm(Caller.id(request), Caller.body(body).code());
        return Response.ok(new RecoveryCodes(codes)).cacheControl(Caller.noStore()).build();
    }

    @POST
    @Path("recovery-codes")
    @Operation(summary = "Replace the recovery codes", description = "The old ones stop working; the new ones are shown this once.")
    public Response regenerate() {
        return Response.ok(new RecoveryCodes(totp.regenerateRecoveryCodes(Caller.id(request))))
                .cacheControl(Caller.noStore()).build();
    }

    @POST
    @Path("deactivation")
    @Operation(summary = "Disable the authenticator", description = "Needs a current code (or a recovery code) or the login password; a wrong one counts toward the lockout.")
    @APIResponse(responseCode = "204", description = "Disabled")
    @APIResponse(responseCode = "401", description = "Wrong code or password (invalid-credentials) or account locked")
    public Response disable(DisableRequest body) {
        DisableRequest b = Caller.body(body);
        String proof = b.code() != null && !b.code().isBlank() ? b.code() : b.password();
        if (proof == null || proof.isBlank()) {
            throw new InvalidInputException("A code or the password is required.");
        }
        return switch (totp.disable(Caller.id(request), proof)) {
            case OK, NOT_ENROLLED -> Response.noContent().build();
            case LOCKED -> problem(Problem.of("account-locked", "Account locked", 401,
                    "Too many wrong codes; the account is locked for 15 minutes."));
            case WRONG -> problem(Problem.of("invalid-credentials", "Invalid credentials", 401,
                    "The code or password is wrong."));
        };
    }

    private Response problem(Problem p) {
        return Response.status(p.status()).type("application/problem+json")
                .entity(p.withInstance(request.getRequestURI()).toJson().toString()).build();
    }
}
