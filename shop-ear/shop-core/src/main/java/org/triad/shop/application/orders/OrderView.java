package org.triad.shop.application.orders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.order.OrderStatus;

/** An order for lists and pages: who, what, how much, its state and its lines. */
public record OrderView(long id, long checkoutId, long buyerId, String buyerName, long sellerId, String sellerName,
                        OrderStatus status, BigDecimal total, BigDecimal refunded, String carrier,
                        String trackingNumber, Instant createdAt, Instant paidAt, Instant shippedAt,
                        Instant completedAt, List<Line> lines, long version) implements Serializable {

    public record Line(long id, long itemId, String title, String options, BigDecimal unitPrice, int quantity,
                       BigDecimal total) implements Serializable {
    }

    public BigDecimal refundable() {
        return total.subtract(refunded);
    }
}
