package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ratings.FeedbackService;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * Feedback to the shop, {@code POST /api/v1/feedback}: anyone, with or without a bank access token. A message of 1
 * to 4,000 characters (422 {@code invalid-message}), a contact of at most 200 ({@code invalid-contact}); at most 5
 * messages an hour a sender (429 {@code feedback-rate-limited}); bodies over 1 MiB are refused before they are read
 * (413).
 */
@Path("v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Feedback to the shop")
public class FeedbackResource {

    public record FeedbackRequest(String contact, String message) {
    }

    @EJB
    FeedbackService feedback;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Send feedback to the shop: {message, contact (optional)}")
    public Response send(FeedbackRequest body) {
        if (body == null) {
            throw ShopRuleException.invalid("message", "Write your message.");
        }
        Long user = Callers.idOrNull(security);
        long id = feedback.send(user, FeedbackService.senderKey(user, request.getRemoteAddr()), body.contact(),
                body.message());
        return Response.status(201).entity(Map.of("id", id)).build();
    }
}
