package org.triad.shop.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.common.rest.Problem;
import org.triad.common.security.InvalidAccessTokenException;
import org.triad.common.security.VerifiedAccessToken;
import org.triad.shop.interfaces.security.BankAccessTokens;

/** {@code GET /api/v1/me}: who the bank's access token says the caller is (the shop as a resource server). */
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The caller, from the bank's access token")
public class MeResource {

    @Inject
    BankAccessTokens tokens;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The signed-in person", description = "Authorization: Bearer <access token of the bank>. "
            + "Answers subject, session (device handle), scopes, client and expiry.")
    @APIResponse(responseCode = "200", description = "The token's subject and grants")
    @APIResponse(responseCode = "401", description = "No, invalid, expired or revoked token (WWW-Authenticate: "
            + "Bearer error=\"invalid_token\")")
    public Response me() {
        VerifiedAccessToken token;
        try {
            token = tokens.require(request);
        } catch (InvalidAccessTokenException e) {
            boolean none = request.getHeader("Authorization") == null;
            return Response.status(401)
                    .header("WWW-Authenticate", none ? "Bearer realm=\"triad-shop\""
                            : "Bearer realm=\"triad-shop\", error=\"invalid_token\"")
                    .header("Cache-Control", "no-store")
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of("invalid-token", "Invalid access token", 401,
                            "The access token is not accepted: " + e.getMessage() + ".")
                            .withInstance(request.getRequestURI()).toJson().toString())
                    .build();
        }
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        new TreeSet<>(token.scopes()).forEach(scopes::add);
        var body = Json.createObjectBuilder().add("sub", token.subject()).add("scopes", scopes)
                .add("client_id", token.clientId() == null ? "" : token.clientId())
                .add("expires_at", token.expiresAt().toString());
        if (token.sessionHandle() != null) {
            body.add("sid", token.sessionHandle());
        }
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .build();
    }
}
