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
import org.triad.shop.application.flash.FlashClaimView;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.flash.FlashSaleView;
import org.triad.shop.application.orders.CheckoutView;
import org.triad.shop.domain.model.order.Checkout;

/**
 * Flash sales for buyers, {@code /api/v1/flash-sales}: the list is public; claiming (one unit per buyer) and
 * checking a claim out need a bank access token. A claim attempt answers 201 with the claim, or 409 problem
 * {@code flash-sold-out}, {@code flash-already-claimed}, {@code flash-sale-not-started} or {@code flash-sale-ended}.
 */
@Path("v1/flash-sales")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Flash sales", description = "Limited units at a flash price, one per buyer")
public class FlashSalesResource {

    @EJB
    FlashSaleService sales;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Flash sales upcoming or live, soonest first")
    public List<FlashSaleView> current() {
        return sales.current();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One flash sale with the units left")
    public FlashSaleView sale(@PathParam("id") long id) {
        return sales.sale(id, false);
    }

    @POST
    @Path("{id}/claims")
    @Operation(summary = "Try to get one unit: the claim, to check out before its holdUntil")
    public Response claim(@PathParam("id") long id) {
        return Response.status(201).entity(sales.claim(Callers.id(security), id)).build();
    }

    @GET
    @Path("claims")
    @Operation(summary = "The caller's claims, newest first")
    public List<FlashClaimView> claims() {
        return sales.claims(Callers.id(security));
    }

    @GET
    @Path("claims/{claimId}")
    @Operation(summary = "One of the caller's claims")
    public FlashClaimView claimOf(@PathParam("claimId") long claimId) {
        return sales.claimOf(Callers.id(security), claimId);
    }

    @POST
    @Path("claims/{claimId}/checkout")
    @Operation(summary = "Check the claim out: one order, its bank payment (again: the same checkout)")
    public Response checkout(@PathParam("claimId") long claimId, CheckoutResource.CheckoutRequest request) {
        CheckoutResource.CheckoutRequest r = request == null
                ? new CheckoutResource.CheckoutRequest(null, null, null) : request;
        CheckoutView view = sales.checkout(Callers.id(security), claimId,
                new Checkout.Contact(r.contactName(), r.phone(), r.address()));
        return Response.status(201).entity(view).build();
    }
}
