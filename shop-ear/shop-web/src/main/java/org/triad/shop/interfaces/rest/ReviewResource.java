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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;

/** The shop admins' review API, {@code /api/v1/admin/review}: everyone else gets 403 {@code not-a-shop-admin}. */
@Path("v1/admin/review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shop admin")
public class ReviewResource {

    public record RejectRequest(String reason) {
    }

    @EJB
    ReviewService reviews;

    @Context
    SecurityContext security;

    @GET
    public List<ItemView> queue(@QueryParam("first") @DefaultValue("0") int first,
                                @QueryParam("max") @DefaultValue("50") int max) {
        return reviews.queue(Callers.id(security), first, max);
    }

    @POST
    @Path("{id}/approve")
    public ItemView approve(@PathParam("id") long id) {
        return reviews.approve(Callers.id(security), id);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemView reject(@PathParam("id") long id, RejectRequest request) {
        return reviews.reject(Callers.id(security), id, request == null ? null : request.reason());
    }
}
