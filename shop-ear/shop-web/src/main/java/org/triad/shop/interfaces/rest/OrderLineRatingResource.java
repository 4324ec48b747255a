package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.application.ratings.RatingView;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * The buyer's rating of one line of a completed order, {@code /api/v1/orders/{orderId}/lines/{lineId}/rating} (Bearer
 * access token of the bank). Another user's order is 404 {@code order-not-found}; an order not completed is 409
 * {@code order-not-completed}; a second rating of the line is 409 {@code rating-exists}; bad stars or text 422.
 */
@Path("v1/orders/{orderId}/lines/{lineId}/rating")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Buyers' ratings of completed order lines, sellers' answers")
public class OrderLineRatingResource {

    /** Stars 1 to 5; text optional, at most 2,000 characters. */
    public record RatingRequest(Integer stars, String text) {
    }

    @EJB
    RatingService ratings;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a line of a completed order (once): {stars, text}; images are added one by one")
    public Response rate(@PathParam("orderId") long orderId, @PathParam("lineId") long lineId,
                         RatingRequest request) {
        long buyer = Callers.id(security);
        if (request == null) {
            throw ShopRuleException.invalid("stars", "Send stars and text.");
        }
        RatingView view = ratings.rate(buyer, orderId, lineId, request.stars(), request.text(), List.of());
        return Response.status(201).entity(view).build();
    }

    @GET
    @Operation(summary = "The rating of this line (its buyer and its seller)")
    public RatingView get(@PathParam("orderId") long orderId, @PathParam("lineId") long lineId) {
        return ratings.ofLine(Callers.id(security), orderId, lineId);
    }

    @POST
    @Path("images")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Add an image to the rating (the raw file as body, at most 5 MB; at most 3 a rating)")
    public Response addImage(@PathParam("orderId") long orderId, @PathParam("lineId") long lineId, byte[] body) {
        return Response.status(201).entity(ratings.addImage(Callers.id(security), orderId, lineId, body)).build();
    }
}
