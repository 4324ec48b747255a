package org.triad.shop.domain.model.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of an order and the only moves between them:
 * <pre>
 * PENDING_PAYMENT → PAID | CANCELLED | EXPIRED          (the bank's word on the payment; unpaid ends give stock back)
 * PAID → SHIPPED | REFUND_REQUESTED | REFUNDED           (REFUNDED: the buyer cancelled before shipping)
 * SHIPPED → COMPLETED | REFUND_REQUESTED
 * COMPLETED → REFUND_REQUESTED                           (after-sales)
 * REFUND_REQUESTED → REFUNDED | PARTIALLY_REFUNDED | the state before the request (refused)
 * PARTIALLY_REFUNDED → SHIPPED | COMPLETED | REFUND_REQUESTED | REFUNDED
 * </pre>
 * Nothing ever goes back to {@code PENDING_PAYMENT}: a late or replayed "paid" or "expired" cannot undo a settled
 * order (the failure mode of webhook integrations that apply events blindly).
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    SHIPPED,
    COMPLETED,
    CANCELLED,
    EXPIRED,
    REFUND_REQUESTED,
    REFUNDED,
    PARTIALLY_REFUNDED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED, EXPIRED);
            case PAID -> EnumSet.of(SHIPPED, REFUND_REQUESTED, REFUNDED);
            case SHIPPED -> EnumSet.of(COMPLETED, REFUND_REQUESTED);
            case COMPLETED -> EnumSet.of(REFUND_REQUESTED);
            case REFUND_REQUESTED -> EnumSet.of(REFUNDED, PARTIALLY_REFUNDED, PAID, SHIPPED, COMPLETED);
            case PARTIALLY_REFUNDED -> EnumSet.of(SHIPPED, COMPLETED, REFUND_REQUESTED, REFUNDED);
            case CANCELLED, EXPIRED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Paid for at some point (money went to the seller). */
    public boolean isPaid() {
        return this != PENDING_PAYMENT && this != CANCELLED && this != EXPIRED;
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
