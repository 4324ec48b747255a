package org.triad.shop.application.orders;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.RefundRequest;
import org.triad.shop.domain.model.order.RefundStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUserRepository;
import org.triad.shop.infrastructure.bank.BankPaymentException;
import org.triad.shop.infrastructure.bank.BankPayments;

/**
 * Orders for buyers, sellers and shop admins: lists with filters, the order page, shipping, completing, refunds.
 * A refund is decided in a transaction ({@link OrderSteps}), then asked of the bank outside any transaction with the
 * request's idempotency key (asking again never refunds twice), then the payment's state from the bank is applied
 * ({@link SettlementService}) — the same path the bank's {@code refund.succeeded} event takes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());
    public static final int MAX_PAGE = 100;

    @EJB
    OrderSteps steps;

    @EJB
    SettlementService settlement;

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    @Inject
    OrderViews views;

    @Inject
    BankPayments bank;

    /** A page of orders and how many match in all. */
    public record Page(List<OrderView> orders, long total) {
    }

    public Page buyerOrders(long buyerId, Collection<OrderStatus> statuses, Instant from, Instant to, int first,
                            int max) {
        return page(buyerId, null, statuses, from, to, first, max);
    }

    public Page sellerOrders(long sellerId, Collection<OrderStatus> statuses, Instant from, Instant to, int first,
                             int max) {
        return page(null, sellerId, statuses, from, to, first, max);
    }

    public Page allOrders(Collection<OrderStatus> statuses, Instant from, Instant to, int first, int max) {
        return page(null, null, statuses, from, to, first, max);
    }

    private Page page(Long buyer, Long seller, Collection<OrderStatus> statuses, Instant from, Instant to, int first,
                      int max) {
        int m = Math.max(1, Math.min(max, MAX_PAGE));
        int f = Math.max(0, first);
        return new Page(views.of(orders.find(buyer, seller, statuses, from, to, f, m)),
                orders.count(buyer, seller, statuses, from, to));
    }

    /** The order page, for its buyer, its seller or a shop admin; anyone else gets 404. */
    public OrderDetail order(long userId, boolean admin, long orderId) {
        ShopOrder order = orders.order(orderId).filter(o -> admin || o.concerns(userId))
                .orElseThrow(() -> ShopRuleException.notFound("order"));
        Checkout checkout = orders.checkout(order.checkoutId()).orElseThrow();
        Map<Long, String> names = new HashMap<>();
        List<OrderDetail.Step> timeline = orders.timeline(orderId).stream().map(e -> new OrderDetail.Step(e.at(),
                e.status(), e.actorId() == null ? null : views.name(e.actorId(), names), e.note())).toList();
        List<OrderDetail.Refund> refunds = orders.refunds(orderId).stream().map(r -> new OrderDetail.Refund(r.id(),
                Money.of(r.amountMinor()), r.reason(), r.status(), r.decisionNote(), r.failure(), r.createdAt(),
                r.decidedAt(), r.refundedAt())).toList();
        boolean buyer = order.buyerId() == userId;
        return new OrderDetail(views.of(order), timeline, refunds, checkout.contact().name(), checkout.contact().phone(),
                checkout.contact().address(), checkout.status(), checkout.paymentId(),
                buyer ? checkout.cashierUrl() : null, checkout.holdUntil());
    }

    /** Refund requests waiting for a seller's decision (sellerId) or, for shop admins (null), disputed ones. */
    public List<RefundTask> refundTasks(Long sellerId) {
        List<RefundRequest> list = sellerId == null
                ? orders.refundsIn(List.of(RefundStatus.DISPUTED, RefundStatus.FAILED), null, 0, MAX_PAGE)
                : orders.refundsIn(List.of(RefundStatus.REQUESTED, RefundStatus.FAILED), sellerId, 0, MAX_PAGE);
        Map<Long, String> names = new HashMap<>();
        return list.stream().map(r -> {
            ShopOrder o = orders.order(r.orderId()).orElseThrow();
            return new RefundTask(r.id(), o.id(), views.name(o.buyerId(), names), views.name(o.sellerId(), names),
                    Money.of(o.totalMinor()), Money.of(o.refundedMinor()), Money.of(r.amountMinor()), r.reason(),
                    r.status(), r.decisionNote(), r.failure(), r.createdAt());
        }).toList();
    }

    public record RefundTask(long id, long orderId, String buyerName, String sellerName, BigDecimal orderTotal,
                             BigDecimal refunded, BigDecimal amount, String reason, RefundStatus status,
                             String decisionNote, String failure, Instant createdAt) implements java.io.Serializable {
    }

    /** An order's state at its last change, for live updates. */
    public record Change(long orderId, long checkoutId, long buyerId, long sellerId, OrderStatus status, long version,
                         Instant updatedAt) {
    }

    /** Orders changed at or after {@code since} (at most 500, oldest change first). */
    public List<Change> changedSince(Instant since) {
        return orders.changedSince(since, 500).stream().map(o -> new Change(o.id(), o.checkoutId(), o.buyerId(),
                o.sellerId(), o.status(), o.version(), o.updatedAt())).toList();
    }

    public OrderDetail ship(long sellerId, long orderId, String carrier, String trackingNumber) {
        steps.ship(sellerId, orderId, carrier, trackingNumber);
        return order(sellerId, false, orderId);
    }

    public OrderDetail complete(long buyerId, long orderId) {
        steps.complete(buyerId, orderId, "received, confirmed by the buyer");
        return order(buyerId, false, orderId);
    }

    public OrderDetail requestRefund(long buyerId, long orderId, BigDecimal amount, String reason) {
        steps.requestRefund(buyerId, orderId, minor(amount), reason, false);
        return order(buyerId, false, orderId);
    }

    /** The buyer cancels a paid order before it is shipped: all its money goes back at once. */
    public OrderDetail cancelPaid(long buyerId, long orderId, String reason) {
        ShopOrder order = orders.order(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> ShopRuleException.notFound("order"));
        long id = steps.requestRefund(buyerId, orderId, order.refundableMinor(),
                reason == null || reason.isBlank() ? "cancelled before shipping" : reason, true);
        askBank(id);
        return order(buyerId, false, orderId);
    }

    public OrderDetail approveRefund(long sellerId, long requestId, String note) {
        RefundRequest request = steps.approveRefund(sellerId, false, requestId, note);
        askBank(request.id());
        return order(sellerId, false, request.orderId());
    }

    public OrderDetail refuseRefund(long sellerId, long requestId, String note) {
        steps.refuseRefund(sellerId, requestId, note);
        return order(sellerId, false, orders.refund(requestId).orElseThrow().orderId());
    }

    public OrderDetail dispute(long buyerId, long requestId) {
        steps.dispute(buyerId, requestId);
        return order(buyerId, false, orders.refund(requestId).orElseThrow().orderId());
    }

    /** A shop admin decides a disputed (or failed) refund request. */
    public OrderDetail decide(long adminId, long requestId, boolean approve, String note) {
        if (approve) {
            steps.approveRefund(adminId, true, requestId, note);
            askBank(requestId);
        } else {
            steps.rejectDispute(adminId, requestId, note);
        }
        return order(adminId, true, orders.refund(requestId).orElseThrow().orderId());
    }

    /**
     * Asks the bank to refund an approved request and applies the payment's new state. Unreachable: the request
     * stays approved and the reconciliation asks again with the same key.
     */
    public void askBank(long requestId) {
        RefundRequest request = orders.refund(requestId).orElseThrow();
        if (request.status() != RefundStatus.APPROVED) {
            return;
        }
        ShopOrder order = orders.order(request.orderId()).orElseThrow();
        Checkout checkout = orders.checkout(order.checkoutId()).orElseThrow();
        try {
            String refundId = bank.refund(checkout.paymentId(), request.idempotencyKey(),
                    Map.of(order.merchantOrderId(), request.amountMinor()));
            steps.refundAccepted(requestId, refundId);
            settlement.observed(checkout.id(), bank.get(checkout.paymentId()));
        } catch (BankPaymentException e) {
            if (e.unreachable()) {
                LOG.warning("Refund request " + requestId + " waits for the bank: " + e.getMessage());
                return;
            }
            steps.refundFailed(requestId, e.problemType() + ": " + e.getMessage());
        }
    }

    private static long minor(BigDecimal amount) {
        if (amount == null) {
            throw ShopRuleException.invalid("amount", "Enter an amount.");
        }
        BigDecimal a = amount.stripTrailingZeros();
        if (a.scale() > 2 || a.signum() <= 0 || a.compareTo(new BigDecimal("100000000")) > 0) {
            throw ShopRuleException.invalid("amount", "An amount is more than 0 with at most two decimals.");
        }
        return a.movePointRight(2).longValueExact();
    }
}
