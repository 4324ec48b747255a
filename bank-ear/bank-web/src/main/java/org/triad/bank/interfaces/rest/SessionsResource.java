package org.triad.bank.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.triad.bank.application.Authentication;

/**
 * Sign-in and sign-out. {@code POST} with HTTP Basic credentials records a login session (user agent, IP) and
 * returns its token for {@code Authorization: Bearer}; {@code DELETE current} ends it.
 */
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    public record SessionResponse(String token, String tokenType, long customerId) {
    }

    @EJB
    Authentication authentication;

    @Context
    HttpServletRequest request;

    @POST
    public Response login() {
        long caller = Caller.id(request);
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new jakarta.ws.rs.BadRequestException("Sign in with HTTP Basic credentials.");
        }
        String token = authentication.openSession(caller, request.getHeader("User-Agent"), request.getRemoteAddr());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(201).cacheControl(noStore)
                .entity(new SessionResponse(token, "Bearer", caller)).build();
    }

    @GET
    public List<Authentication.SessionView> list() {
        return authentication.sessions(Caller.id(request));
    }

    @DELETE
    @Path("current")
    public Response logout() {
        Caller.id(request);
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authentication.closeSession(header.substring(7).trim());
        }
        return Response.noContent().build();
    }
}
