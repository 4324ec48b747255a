package org.triad.shop.application.orders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.RefundStatus;

/** One order with its timeline, refund requests and the checkout's contact, payment and state. */
public record OrderDetail(OrderView order, List<Step> timeline, List<Refund> refunds, String contactName,
                          String phone, String address, CheckoutStatus checkoutStatus, String paymentId,
                          String cashierUrl, Instant holdUntil) implements Serializable {

    public record Step(Instant at, OrderStatus status, String actor, String note) implements Serializable {
    }

    public record Refund(long id, BigDecimal amount, String reason, RefundStatus status, String decisionNote,
                         String failure, Instant createdAt, Instant decidedAt, Instant refundedAt)
            implements Serializable {
    }

    /** The refund request still being dealt with, or null. */
    public Refund openRefund() {
        return refunds.stream().filter(r -> r.status().isOpen() || r.status() == RefundStatus.REFUSED)
                .reduce((a, b) -> b).orElse(null);
    }
}
