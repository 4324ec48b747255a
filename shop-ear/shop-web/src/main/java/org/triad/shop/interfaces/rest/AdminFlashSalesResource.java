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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.flash.FlashSaleView;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** Flash sales for shop admins, {@code /api/v1/admin/flash-sales}: schedule, watch the claims, cancel. */
@Path("v1/admin/flash-sales")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shop admin flash sales", description = "Schedule and watch flash sales")
public class AdminFlashSalesResource {

    @EJB
    FlashSaleService sales;

    @Context
    SecurityContext security;

    private long admin() {
        long id = Callers.id(security);
        if (!security.isUserInRole("shop-admin")) {
            throw ShopRuleException.forbidden("not-a-shop-admin", "Only shop admins manage flash sales.");
        }
        return id;
    }

    @POST
    @Operation(summary = "Schedule a sale: item, units (taken from its stock now), price, window, claim hold")
    public Response schedule(FlashSaleService.Schedule request) {
        return Response.status(201).entity(sales.schedule(admin(), request)).build();
    }

    @GET
    @Operation(summary = "All sales, newest first, with their claims counted by state")
    public List<FlashSaleView> all(@QueryParam("first") @DefaultValue("0") int first,
                                   @QueryParam("max") @DefaultValue("20") int max) {
        admin();
        return sales.all(first, max);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One sale with its claims counted by state")
    public FlashSaleView sale(@PathParam("id") long id) {
        admin();
        return sales.sale(id, true);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "End the sale now: the units left go back to the item (claims already made stand)")
    public FlashSaleView cancel(@PathParam("id") long id) {
        return sales.cancel(admin(), id);
    }
}
