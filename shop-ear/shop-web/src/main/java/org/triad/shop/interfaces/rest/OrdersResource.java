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
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.orders.OrderDetail;
import org.triad.shop.application.orders.OrderService;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * The buyer's orders, {@code /api/v1/orders} (Bearer access token of the bank). Another user's order is 404
 * {@code order-not-found}; a move the order's state does not allow is 409 {@code order-state}.
 */
@Path("v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "The buyer's orders")
public class OrdersResource {

    public record RefundRequest(BigDecimal amount, String reason) {
    }

    public record Reason(String reason) {
    }

    @EJB
    OrderService orders;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The caller's orders, newest first; status=PAID,SHIPPED, from/to dates (UTC)")
    public OrderService.Page list(@QueryParam("status") String status, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("max") @DefaultValue("20") int max) {
        return orders.buyerOrders(Callers.id(security), OrderQuery.statuses(status), OrderQuery.time(from, "from", false),
                OrderQuery.time(to, "to", true), first, max);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An order with its timeline and refunds")
    public OrderDetail get(@PathParam("id") long id) {
        return orders.order(Callers.id(security), security.isUserInRole("shop-admin"), id);
    }

    @POST
    @Path("{id}/completion")
    @Operation(summary = "Confirm receipt of a shipped order")
    public OrderDetail complete(@PathParam("id") long id) {
        return orders.complete(Callers.id(security), id);
    }

    @POST
    @Path("{id}/cancellation")
    @Operation(summary = "Cancel a paid order before it is shipped (all its money back)")
    public OrderDetail cancel(@PathParam("id") long id, Reason reason) {
        return orders.cancelPaid(Callers.id(security), id, reason == null ? null : reason.reason());
    }

    @POST
    @Path("{id}/refunds")
    @Operation(summary = "Ask for (part of) the money back; the seller decides")
    public OrderDetail refund(@PathParam("id") long id, RefundRequest request) {
        if (request == null) {
            throw ShopRuleException.invalid("amount", "Send amount and reason.");
        }
        return orders.requestRefund(Callers.id(security), id, request.amount(), request.reason());
    }

    @POST
    @Path("refunds/{requestId}/dispute")
    @Operation(summary = "Ask the shop to decide a refund the seller refused")
    public OrderDetail dispute(@PathParam("requestId") long requestId) {
        return orders.dispute(Callers.id(security), requestId);
    }
}
