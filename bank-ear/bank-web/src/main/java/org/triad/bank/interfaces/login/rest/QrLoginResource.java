package org.triad.bank.interfaces.login.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.login.QrLogin;
import org.triad.bank.application.login.WeChatLogin;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.support.rest.Caller;
import org.triad.common.rest.Problem;

/**
 * QR login over the API. A client that wants to sign in creates a scene and keeps the returned {@code secret}; it
 * shows {@code url} as a QR code and polls the status; a signed-in device confirms or rejects; the client then
 * exchanges the confirmed scene and its secret for a session, once. Knowing the scene id is not enough to sign in.
 */
@Path("v1/qr-login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Login methods")
public class QrLoginResource {

    public record Created(String scene, String url, String secret, Instant expiresAt) {
    }

    public record Status(String status) {
    }

    public record ConsumeRequest(String secret) {
    }

    public record SessionResponse(String token, String tokenType, long customerId) {
    }

    @EJB
    QrLogin qrLogin;

    @EJB
    Authentication authentication;

    @EJB
    WeChatLogin weChatLogin;

    @Inject
    @ConfigProperty(name = "triad.bank.public-url")
    String publicUrl;

    @Context
    HttpServletRequest request;

    @POST
    @RateLimited("qr-login")
    @Operation(summary = "Create a QR login scene", description = "Valid 2 minutes, single use. Keep the secret: only its holder can use the confirmed scene.")
    @APIResponse(responseCode = "201", description = "scene, url (for the QR code), secret, expiresAt")
    @APIResponse(responseCode = "429", description = "Too many requests")
    public Response create() {
        String secret = Hashes.randomToken();
        QrLogin.Created created = qrLogin.create(secret, request.getHeader("User-Agent"), request.getRemoteAddr());
        return Response.status(201).cacheControl(Caller.noStore())
                .entity(new Created(created.sceneId(), sceneUrl(publicUrl, created.sceneId()), secret,
                        created.expiresAt()))
                .build();
    }

    @GET
    @Path("{scene}")
    @RateLimited("qr-login-poll")
    @Operation(summary = "The scene's status", description = "PENDING, SCANNED, CONFIRMED, REJECTED, EXPIRED or CONSUMED; nothing else.")
    @APIResponse(responseCode = "404", description = "No such scene (qr-scene-not-found)")
    public Response status(@PathParam("scene") String scene) {
        return Response.ok(new Status(qrLogin.status(scene).name())).cacheControl(Caller.noStore()).build();
    }

    @GET
    @Path("{scene}/details")
    @Operation(summary = "Who is asking (for the signed-in device)", description = "Marks the scene scanned; shows the asking browser's user agent, IP and time.")
    public Response details(@PathParam("scene") String scene) {
        Caller.id(request);
        return Response.ok(qrLogin.open(scene)).cacheControl(Caller.noStore()).build();
    }

    @POST
    @Path("{scene}/confirmation")
    @Operation(summary = "Confirm the sign-in (signed-in device)")
    @APIResponse(responseCode = "204", description = "Confirmed")
    @APIResponse(responseCode = "409", description = "Expired, rejected, used or decided already")
    public Response confirm(@PathParam("scene") String scene) {
        qrLogin.confirm(scene, Caller.id(request));
        return Response.noContent().build();
    }

    @POST
    @Path("{scene}/rejection")
    @Operation(summary = "Reject the sign-in (signed-in device)")
    @APIResponse(responseCode = "204", description = "Rejected")
    public Response reject(@PathParam("scene") String scene) {
        qrLogin.reject(scene, Caller.id(request));
        return Response.noContent().build();
    }

    @POST
    @Path("{scene}/session")
    @RateLimited("qr-login-poll")
    @Operation(summary = "Exchange the confirmed scene for a session", description = "Only with the scene's secret, only once.")
    @APIResponse(responseCode = "201", description = "token, tokenType, customerId")
    @APIResponse(responseCode = "404", description = "No such scene, or not this client's (qr-scene-not-found)")
    @APIResponse(responseCode = "409", description = "Not confirmed yet, expired, rejected or used")
    public Response consume(@PathParam("scene") String scene, ConsumeRequest body) {
        long customer = qrLogin.consume(scene, Caller.body(body).secret());
        Authentication.Result allowed = authentication.signedInBy(customer, "qr");
        if (allowed.outcome() != Authentication.Outcome.OK) {
            Problem p = Problem.of("invalid-credentials", "Invalid credentials", 401, "This account cannot sign in now.");
            return Response.status(401).type("application/problem+json")
                    .entity(p.withInstance(request.getRequestURI()).toJson().toString()).build();
        }
        String token = authentication.openSession(customer, DeviceKind.API, request.getHeader("User-Agent"),
                request.getRemoteAddr());
        return Response.status(201).cacheControl(Caller.noStore())
                .entity(new SessionResponse(token, "Bearer", customer)).build();
    }

    @POST
    @Path("{scene}/wechat-binding")
    @Operation(summary = "Bind the WeChat user held on this client's scene to the caller", description = "After an unbound WeChat user scanned the scene, the client that created it (its secret) signs in another way and binds that WeChat account to the signed-in customer.")
    @APIResponse(responseCode = "204", description = "Bound")
    @APIResponse(responseCode = "404", description = "No scene of this client holds an unbound WeChat user")
    public Response bindWeChat(@PathParam("scene") String scene, ConsumeRequest body) {
        long customer = Caller.id(request);
        if (!weChatLogin.bindHeld(scene, Caller.body(body).secret(), customer)) {
            Problem p = Problem.of("qr-scene-not-found", "Not found", 404, "No WeChat user is held on this scene.");
            return Response.status(404).type("application/problem+json")
                    .entity(p.withInstance(request.getRequestURI()).toJson().toString()).build();
        }
        return Response.noContent().build();
    }

    /** The URL a phone opens: {@code <public url>/qr/<scene>}. */
    public static String sceneUrl(String publicUrl, String scene) {
        return publicUrl + "/qr/" + scene;
    }

}
