package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Public ratings of an item, {@code /api/v1/items/{id}/ratings}: a page, newest first, and the item's summary. */
@Path("v1/items/{id}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings")
public class ItemRatingsResource {

    @EJB
    RatingService ratings;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Ratings of an item buyers may see (else 404): summary (count, average, stars) and a page")
    public RatingPage list(@PathParam("id") long id, @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("20") int max) {
        return ratings.ofItem(id, Callers.idOrNull(security), first, max);
    }
}
