package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ratings.RatingPage;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.application.ratings.RatingView;

/**
 * A seller's ratings and answers, {@code /api/v1/seller/ratings} (sellers only: others get 403 not-a-seller). A
 * rating of another seller's line is 404 {@code rating-not-found}; a second answer 409 {@code rating-answered}.
 */
@Path("v1/seller/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings")
public class SellerRatingsResource {

    public record Answer(String text) {
    }

    @EJB
    RatingService ratings;

    @Context
    SecurityContext security;

    private long seller() {
        long id = Callers.id(security);
        if (!security.isUserInRole("seller")) {
            throw org.triad.shop.domain.model.shared.ShopRuleException.forbidden("not-a-seller",
                    "Only sellers have ratings to answer.");
        }
        return id;
    }

    @GET
    @Operation(summary = "Ratings of the seller's lines, newest first (unanswered=true: those still to answer)")
    public RatingPage list(@QueryParam("unanswered") @DefaultValue("false") boolean unanswered,
                           @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("20") int max) {
        return ratings.ofSeller(seller(), unanswered, first, max);
    }

    @POST
    @Path("{ratingId}/answer")
    @Operation(summary = "Answer a rating, once: {text} (1 to 2,000 characters)")
    public RatingView answer(@PathParam("ratingId") long ratingId, Answer answer) {
        return ratings.answer(seller(), ratingId, answer == null ? null : answer.text());
    }
}
