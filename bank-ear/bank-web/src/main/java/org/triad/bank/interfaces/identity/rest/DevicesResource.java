package org.triad.bank.interfaces.identity.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.DeviceView;
import org.triad.bank.interfaces.security.CallerToken;
import org.triad.bank.interfaces.support.rest.Caller;

/**
 * The caller's devices (device sessions): list, sign out one, sign out all others. Revocation reaches every resource
 * server at once (revocation list). First-party callers only: third-party access tokens get 403.
 */
@Path("v1/me/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = "The caller's signed-in devices")
public class DevicesResource {

    @EJB
    DeviceSessions devices;

    @Inject
    CallerToken caller;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "List the caller's devices",
            description = "Newest first: handle, kind (PORTAL, API, OAUTH), clientId, userAgent, ipAddress, "
                    + "createdAt, lastSeenAt, expiresAt, revokedAt, active, current (the caller's own). Ended "
                    + "devices only with ?all=true.")
    @APIResponse(responseCode = "200", description = "The devices")
    @APIResponse(responseCode = "401", description = "Not signed in")
    public List<DeviceView> list(@QueryParam("all") boolean all) {
        long me = Caller.id(request);
        caller.requireFirstParty();
        return devices.list(me, caller.deviceHandle()).stream().filter(d -> all || d.active()).toList();
    }

    @DELETE
    @Path("{handle}")
    @Operation(summary = "Sign out one device", description = "Its tokens are refused by every resource server "
            + "within a second. Another customer's handle is not found.")
    @APIResponse(responseCode = "204", description = "Signed out (or ended before)")
    @APIResponse(responseCode = "404", description = "No such device of the caller (device-not-found)")
    public Response revoke(@PathParam("handle") String handle) {
        long me = Caller.id(request);
        caller.requireFirstParty();
        devices.revoke(me, handle);
        return Response.noContent().build();
    }

    @POST
    @Path("sign-out-others")
    @Operation(summary = "Sign out all other devices", description = "Every active device of the caller except the "
            + "one making this request (with HTTP Basic, which has no device, all of them).")
    @APIResponse(responseCode = "200", description = "{\"signedOut\": n}")
    public Response signOutOthers() {
        long me = Caller.id(request);
        caller.requireFirstParty();
        int n = devices.revokeAllExcept(me, caller.deviceHandle());
        return Response.ok(Json.createObjectBuilder().add("signedOut", n).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
