package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.orders.OrderDetail;
import org.triad.shop.application.orders.OrderService;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** A seller's orders and refund requests, {@code /api/v1/seller} (sellers only: others get 403 not-a-seller). */
@Path("v1/seller")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seller orders", description = "Orders to ship and refund requests of a seller")
public class SellerOrdersResource {

    public record Shipment(String carrier, String trackingNumber) {
    }

    public record Decision(String note) {
    }

    @EJB
    OrderService orders;

    @Context
    SecurityContext security;

    private long seller() {
        long id = Callers.id(security);
        if (!security.isUserInRole("seller")) {
            throw ShopRuleException.forbidden("not-a-seller", "Only sellers have orders to ship.");
        }
        return id;
    }

    @GET
    @Path("orders")
    @Operation(summary = "Orders of the seller's items, newest first; status=PAID for those to ship")
    public OrderService.Page list(@QueryParam("status") String status, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("max") @DefaultValue("20") int max) {
        return orders.sellerOrders(seller(), OrderQuery.statuses(status), OrderQuery.time(from, "from", false),
                OrderQuery.time(to, "to", true), first, max);
    }

    @POST
    @Path("orders/{id}/shipment")
    @Operation(summary = "Ship a paid order: carrier and tracking number")
    public OrderDetail ship(@PathParam("id") long id, Shipment shipment) {
        Shipment s = shipment == null ? new Shipment(null, null) : shipment;
        return orders.ship(seller(), id, s.carrier(), s.trackingNumber());
    }

    @GET
    @Path("refunds")
    @Operation(summary = "Refund requests waiting for the seller")
    public List<OrderService.RefundTask> refunds() {
        return orders.refundTasks(seller());
    }

    @POST
    @Path("refunds/{id}/approval")
    @Operation(summary = "Approve a refund request: the bank refunds from the seller's card")
    public OrderDetail approve(@PathParam("id") long id, Decision decision) {
        return orders.approveRefund(seller(), id, decision == null ? null : decision.note());
    }

    @POST
    @Path("refunds/{id}/refusal")
    @Operation(summary = "Refuse a refund request, with a reason the buyer sees")
    public OrderDetail refuse(@PathParam("id") long id, Decision decision) {
        return orders.refuseRefund(seller(), id, decision == null ? null : decision.note());
    }
}
