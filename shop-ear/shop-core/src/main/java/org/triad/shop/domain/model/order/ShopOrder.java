package org.triad.shop.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.item.Price;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * What one buyer bought from one seller in one checkout. Its state only moves along {@link OrderStatus#next()};
 * every move is a timeline entry the caller stores ({@link #moveTo} returns it). The money: {@code total} was paid
 * to the seller's payout card (its bank card reference at checkout), {@code refunded} went back, never more.
 */
@Entity(name = "ShopOrder")
@Table(name = "shop_order")
public class ShopOrder {

    @Id
    private long id;

    @Column(name = "checkout_id", nullable = false)
    private long checkoutId;

    @Column(name = "buyer_id", nullable = false)
    private long buyerId;

    @Column(name = "seller_id", nullable = false)
    private long sellerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(nullable = false)
    private String currency;

    @Column(name = "payee_card_ref", nullable = false)
    private String payeeCardRef;

    @Column
    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "paid_at")
    private Instant paidAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "completed_at")
    private Instant completedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "closed_at")
    private Instant closedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ShopOrder() {
    }

    public ShopOrder(long checkoutId, long buyerId, long sellerId, String payeeCardRef, Instant now) {
        this.id = Ids.next();
        this.checkoutId = checkoutId;
        this.buyerId = buyerId;
        this.sellerId = sellerId;
        this.payeeCardRef = payeeCardRef;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.currency = Price.CURRENCY;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A line of this order; adds its amount to the total. */
    public OrderLine addLine(int position, long itemId, String title, String options, long unitPriceMinor,
                             int quantity) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw new IllegalStateException("lines are added at checkout only");
        }
        OrderLine line = new OrderLine(id, position, itemId, title, options, unitPriceMinor, quantity);
        totalMinor = Math.addExact(totalMinor, line.totalMinor());
        return line;
    }

    /** The order enters {@code target}; refused (409 {@code order-state}) unless that move is allowed. */
    public OrderEvent moveTo(OrderStatus target, Long actorId, String note, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new ShopRuleException("order-state", 409, null,
                    "An order that is " + status + " cannot become " + target + ".");
        }
        status = target;
        switch (target) {
            case PAID -> paidAt = now;
            case SHIPPED -> shippedAt = now;
            case COMPLETED -> completedAt = now;
            case CANCELLED, EXPIRED, REFUNDED -> closedAt = now;
            default -> {
                // no time of its own
            }
        }
        updatedAt = now;
        return new OrderEvent(id, target, actorId, note, now);
    }

    public OrderEvent ship(String carrier, String trackingNumber, long sellerId, Instant now) {
        String c = carrier == null ? "" : carrier.strip();
        String t = trackingNumber == null ? "" : trackingNumber.strip();
        if (c.isEmpty() || c.length() > 64) {
            throw ShopRuleException.invalid("carrier", "Name the carrier (at most 64 characters).");
        }
        if (!t.matches("[A-Za-z0-9-]{4,64}")) {
            throw ShopRuleException.invalid("trackingNumber",
                    "A tracking number has 4 to 64 letters, digits or dashes.");
        }
        OrderEvent event = moveTo(OrderStatus.SHIPPED, sellerId, c + " " + t, now);
        this.carrier = c;
        this.trackingNumber = t;
        return event;
    }

    /** Money went back to the buyer (the bank's refunded amount of this order's payment line). */
    public void refundedTotal(long refundedMinor, Instant now) {
        if (refundedMinor < this.refundedMinor || refundedMinor > totalMinor) {
            throw new IllegalStateException("refunded amount " + refundedMinor + " outside [" + this.refundedMinor
                    + ", " + totalMinor + "] of order " + id);
        }
        this.refundedMinor = refundedMinor;
        this.updatedAt = now;
    }

    public long refundableMinor() {
        return totalMinor - refundedMinor;
    }

    /** The bank payment line of this order is named by this merchant order id. */
    public String merchantOrderId() {
        return "o-" + id;
    }

    public boolean concerns(long userId) {
        return buyerId == userId || sellerId == userId;
    }

    public long id() {
        return id;
    }

    public long checkoutId() {
        return checkoutId;
    }

    public long buyerId() {
        return buyerId;
    }

    public long sellerId() {
        return sellerId;
    }

    public OrderStatus status() {
        return status;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public long refundedMinor() {
        return refundedMinor;
    }

    public String currency() {
        return currency;
    }

    public String payeeCardRef() {
        return payeeCardRef;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShopOrder other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
