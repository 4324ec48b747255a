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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.orders.CheckoutService;
import org.triad.shop.application.orders.CheckoutView;
import org.triad.shop.domain.model.order.Checkout;

/**
 * Checkout, {@code /api/v1/checkouts} (Bearer access token of the bank): the cart becomes one order per seller and
 * one bank payment; redirect the buyer to {@code cashierUrl}. Another buyer's checkout is 404.
 */
@Path("v1/checkouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout", description = "Orders and the bank payment from the cart")
public class CheckoutResource {

    public record CheckoutRequest(String contactName, String phone, String address) {
    }

    @EJB
    CheckoutService checkouts;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Check out the cart: orders per seller, stock reserved, the bank payment created")
    public Response create(CheckoutRequest request) {
        CheckoutRequest r = request == null ? new CheckoutRequest(null, null, null) : request;
        CheckoutView view = checkouts.checkout(Callers.id(security),
                new Checkout.Contact(r.contactName(), r.phone(), r.address()));
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The checkout, after asking the bank about its payment")
    public CheckoutView get(@PathParam("id") long id) {
        return checkouts.refresh(Callers.id(security), id);
    }

    @POST
    @Path("{id}/payment")
    @Operation(summary = "Ask for the payment again (the same payment if it exists)")
    public CheckoutView pay(@PathParam("id") long id) {
        return checkouts.pay(Callers.id(security), id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Give up an unpaid checkout: payment cancelled, stock back")
    public CheckoutView cancel(@PathParam("id") long id) {
        return checkouts.cancel(Callers.id(security), id);
    }
}
