package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.domain.model.rating.RatingSummary;

/** How a seller is rated over all their items, {@code /api/v1/sellers/{id}/rating-summary} (public). */
@Path("v1/sellers/{id}/rating-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings")
public class SellerRatingSummaryResource {

    @EJB
    RatingService ratings;

    @GET
    @Operation(summary = "A seller's rating summary: count, average (one decimal), ratings per number of stars")
    public RatingSummary summary(@PathParam("id") long id) {
        return ratings.summaryOfSeller(id);
    }
}
