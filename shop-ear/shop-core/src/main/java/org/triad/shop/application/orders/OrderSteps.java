package org.triad.shop.application.orders;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.triad.shop.application.ShopAudit;
import org.triad.shop.application.ShopMail;
import org.triad.shop.domain.model.order.OrderEvent;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.RefundRequest;
import org.triad.shop.domain.model.order.RefundStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * The order's own transactions (called by {@link OrderService}): each locks the order's checkout first — the lock
 * {@link SettlementService} takes for the bank's events — then checks who may do what, so that a seller's shipment,
 * a buyer's refund request and a bank event never interleave on one order. Another user's order answers
 * {@code order-not-found} (404) like an order that does not exist.
 */
@Stateless
public class OrderSteps {

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    @Inject
    ShopAudit audit;

    @Inject
    Event<ShopMail> mail;

    @Inject
    Event<OrdersChanged> changed;

    private ShopOrder locked(long orderId) {
        ShopOrder unlocked = orders.order(orderId).orElseThrow(() -> ShopRuleException.notFound("order"));
        orders.lockCheckout(unlocked.checkoutId());
        return orders.lockOrder(orderId).orElseThrow();
    }

    private ShopOrder asBuyer(long buyerId, long orderId) {
        ShopOrder order = locked(orderId);
        if (order.buyerId() != buyerId) {
            throw ShopRuleException.notFound("order");
        }
        return order;
    }

    private ShopOrder asSeller(long sellerId, long orderId) {
        ShopOrder order = locked(orderId);
        if (order.sellerId() != sellerId) {
            throw ShopRuleException.notFound("order");
        }
        return order;
    }

    private void moved(ShopOrder order, OrderEvent event) {
        orders.add(event);
        changed.fire(OrdersChanged.of(order));
    }

    public void ship(long sellerId, long orderId, String carrier, String trackingNumber) {
        ShopOrder order = asSeller(sellerId, orderId);
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw new ShopRuleException("order-state", 409, null, "Only a paid order can be shipped; this one is "
                    + order.status() + ".");
        }
        if (order.shippedAt() != null) {
            throw new ShopRuleException("order-state", 409, null, "This order was shipped already.");
        }
        moved(order, order.ship(carrier, trackingNumber, sellerId, Instant.now()));
        audit.record(sellerId, "ORDER_SHIPPED", "order:" + orderId, carrier + " " + trackingNumber);
        users.find(order.buyerId()).filter(u -> u.email() != null).ifPresent(u -> mail.fire(new ShopMail(u.email(),
                "Triad Shop: order " + orderId + " is on its way",
                "Hello " + u.nickname() + ",\n\norder " + orderId + " was shipped with " + order.carrier()
                        + ", tracking number " + order.trackingNumber() + ".\n")));
    }

    /** The buyer confirms receipt (or the timer does, {@code buyerId} null, N days after shipping). */
    public void complete(Long buyerId, long orderId, String note) {
        ShopOrder order = buyerId == null ? locked(orderId) : asBuyer(buyerId, orderId);
        if (order.shippedAt() == null || !order.status().canMoveTo(OrderStatus.COMPLETED)) {
            throw new ShopRuleException("order-state", 409, null, "Only a shipped order can be completed; this one is "
                    + order.status() + ".");
        }
        moved(order, order.moveTo(OrderStatus.COMPLETED, buyerId, note, Instant.now()));
    }

    /** A refund request of the buyer; the order waits for the seller's decision. Returns the request id. */
    public long requestRefund(long buyerId, long orderId, long amountMinor, String reason, boolean cancel) {
        ShopOrder order = asBuyer(buyerId, orderId);
        if (!order.status().canMoveTo(OrderStatus.REFUND_REQUESTED)) {
            throw new ShopRuleException("order-state", 409, null, "A refund cannot be requested for an order that is "
                    + order.status() + ".");
        }
        if (orders.refunds(orderId).stream().anyMatch(r -> r.status().isOpen() || r.status() == RefundStatus.REFUSED)) {
            throw new ShopRuleException("refund-open", 409, null, "This order has a refund request already.");
        }
        Instant now = Instant.now();
        RefundRequest request = new RefundRequest(order, amountMinor, reason, now);
        orders.add(request);
        if (cancel) {
            if (order.status() != OrderStatus.PAID) {
                throw new ShopRuleException("order-state", 409, null,
                        "An order can be cancelled until it is shipped; this one is " + order.status() + ".");
            }
            request.approve(buyerId, "cancelled by the buyer before shipping", now);
        }
        moved(order, order.moveTo(OrderStatus.REFUND_REQUESTED, buyerId,
                (cancel ? "cancelled by the buyer: " : "refund of " + Money.of(amountMinor) + " requested: ") + reason,
                now));
        audit.record(buyerId, cancel ? "ORDER_CANCELLED" : "REFUND_REQUESTED", "order:" + orderId,
                Money.of(amountMinor).toPlainString());
        if (!cancel) {
            users.find(order.sellerId()).filter(u -> u.email() != null).ifPresent(u -> mail.fire(new ShopMail(
                    u.email(), "Triad Shop: refund requested for order " + orderId,
                    "Hello " + u.nickname() + ",\n\nthe buyer of order " + orderId + " asks for a refund of "
                            + Money.of(amountMinor) + " CNY: " + reason + "\nDecide in the seller centre.\n")));
        }
        return request.id();
    }

    /** The seller (or a shop admin, for a disputed request) approves: the bank is to be asked next. */
    public RefundRequest approveRefund(long deciderId, boolean admin, long requestId, String note) {
        RefundRequest request = orders.refund(requestId).orElseThrow(() -> ShopRuleException.notFound("refund"));
        ShopOrder order = admin ? locked(request.orderId()) : asSeller(deciderId, request.orderId());
        if (!admin && request.status() == RefundStatus.DISPUTED) {
            throw new ShopRuleException("refund-state", 409, null, "A shop admin decides this dispute.");
        }
        request.approve(deciderId, note, Instant.now());
        audit.record(deciderId, "REFUND_APPROVED", "order:" + order.id(), "request " + requestId);
        return request;
    }

    public void refuseRefund(long sellerId, long requestId, String note) {
        RefundRequest request = orders.refund(requestId).orElseThrow(() -> ShopRuleException.notFound("refund"));
        ShopOrder order = asSeller(sellerId, request.orderId());
        Instant now = Instant.now();
        request.refuse(sellerId, note, now);
        moved(order, order.moveTo(request.orderStatusBefore(), sellerId, "refund refused by the seller: " + note, now));
    }

    public void dispute(long buyerId, long requestId) {
        RefundRequest request = orders.refund(requestId).orElseThrow(() -> ShopRuleException.notFound("refund"));
        ShopOrder order = asBuyer(buyerId, request.orderId());
        Instant now = Instant.now();
        request.dispute(now);
        moved(order, order.moveTo(OrderStatus.REFUND_REQUESTED, buyerId, "the buyer asks the shop to decide", now));
    }

    public void rejectDispute(long adminId, long requestId, String note) {
        RefundRequest request = orders.refund(requestId).orElseThrow(() -> ShopRuleException.notFound("refund"));
        ShopOrder order = locked(request.orderId());
        Instant now = Instant.now();
        request.reject(adminId, note, now);
        moved(order, order.moveTo(request.orderStatusBefore(), adminId, "refund rejected by the shop: " + note, now));
    }

    /** The bank refused an approved refund: the request can be approved again (e.g. once the seller has money). */
    public void refundFailed(long requestId, String why) {
        RefundRequest request = orders.refund(requestId).orElseThrow();
        ShopOrder order = locked(request.orderId());
        if (request.status() != RefundStatus.APPROVED) {
            return;
        }
        request.failed(why);
        orders.add(new OrderEvent(order.id(), order.status(), null, "the bank refused the refund: " + why,
                Instant.now()));
        changed.fire(OrdersChanged.of(order));
    }

    /** The bank refunded: remember its id (the amounts come with the payment's state). */
    public void refundAccepted(long requestId, String bankRefundId) {
        RefundRequest request = orders.refund(requestId).orElseThrow();
        locked(request.orderId());
        if (request.status() == RefundStatus.APPROVED) {
            request.bankRefundAccepted(bankRefundId);
        }
    }
}
