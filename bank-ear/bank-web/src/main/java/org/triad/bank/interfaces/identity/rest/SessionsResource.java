package org.triad.bank.interfaces.identity.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.support.rest.Caller;

/**
 * Sign-in and sign-out. {@code POST} with HTTP Basic credentials records a login session (user agent, IP) and
 * returns its token for {@code Authorization: Bearer}; {@code DELETE current} ends it.
 */
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Sign-in with HTTP Basic and sign-out of session tokens")
public class SessionsResource {

    public record SessionResponse(String token, String tokenType, long customerId) {
    }

    @EJB
    Authentication authentication;

    @Context
    HttpServletRequest request;

    @POST
    @RateLimited(BankAuthenticationMechanism.SIGN_IN_RULE)
    @Operation(summary = "Sign in", description = "HTTP Basic credentials (email or staff name and password) open a login session; the returned token is used as Authorization: Bearer.")
    @APIResponse(responseCode = "201", description = "Session opened: token, tokenType, customerId")
    @APIResponse(responseCode = "400", description = "No HTTP Basic credentials (invalid-input)")
    @APIResponse(responseCode = "401", description = "Wrong credentials, account locked (5 wrong passwords, 15 minutes) or not activated")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public Response login() {
        long caller = Caller.id(request);
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new jakarta.ws.rs.BadRequestException("Sign in with HTTP Basic credentials.");
        }
        String token = authentication.openSession(caller, DeviceKind.API, request.getHeader("User-Agent"),
                request.getRemoteAddr());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(201).cacheControl(noStore)
                .entity(new SessionResponse(token, "Bearer", caller)).build();
    }

    @GET
    @Operation(summary = "List the caller's login sessions", description = "Newest first; with a Bearer token the session of that token is marked current.")
    public List<Authentication.SessionView> list() {
        long caller = Caller.id(request);
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        return authentication.sessions(caller, token);
    }

    @DELETE
    @Path("current")
    @Operation(summary = "Sign out the current session token")
    @APIResponse(responseCode = "204", description = "Session ended")
    public Response logout() {
        Caller.id(request);
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authentication.closeSession(header.substring(7).trim());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Sign out one of the caller's sessions", description = "Its token is refused (401) from now on.")
    @APIResponse(responseCode = "204", description = "Session ended (or ended before)")
    @APIResponse(responseCode = "404", description = "No such session of the caller (session-not-found)")
    public Response revoke(@PathParam("id") long id) {
        authentication.revokeSession(Caller.id(request), id);
        return Response.noContent().build();
    }
}
