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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.orders.OrderDetail;
import org.triad.shop.application.orders.OrderService;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** All orders and refund disputes, {@code /api/v1/admin} (shop admins only). */
@Path("v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shop admin orders", description = "All orders, disputes")
public class AdminOrdersResource {

    public record Decision(Boolean approve, String note) {
    }

    @EJB
    OrderService orders;

    @Context
    SecurityContext security;

    private long admin() {
        long id = Callers.id(security);
        if (!security.isUserInRole("shop-admin")) {
            throw ShopRuleException.forbidden("not-a-shop-admin", "Only shop admins see all orders.");
        }
        return id;
    }

    @GET
    @Path("orders")
    @Operation(summary = "All orders, newest first")
    public OrderService.Page list(@QueryParam("status") String status, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("max") @DefaultValue("20") int max) {
        admin();
        return orders.allOrders(OrderQuery.statuses(status), OrderQuery.time(from, "from", false),
                OrderQuery.time(to, "to", true), first, max);
    }

    @GET
    @Path("disputes")
    @Operation(summary = "Refund requests the seller refused and the buyer disputes, and refunds the bank refused")
    public List<OrderService.RefundTask> disputes() {
        admin();
        return orders.refundTasks(null);
    }

    @POST
    @Path("disputes/{id}/decision")
    @Operation(summary = "Decide a dispute: approve (the bank refunds) or reject with a note")
    public OrderDetail decide(@PathParam("id") long id, Decision decision) {
        long admin = admin();
        if (decision == null || decision.approve() == null) {
            throw ShopRuleException.invalid("approve", "Send approve true or false.");
        }
        return orders.decide(admin, id, decision.approve(), decision.note());
    }
}
