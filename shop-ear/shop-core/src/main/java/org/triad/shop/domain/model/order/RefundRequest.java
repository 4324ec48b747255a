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
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** A buyer's request to get (part of) an order's money back, and what became of it ({@link RefundStatus}). */
@Entity
@Table(name = "refund_request")
public class RefundRequest {

    @Id
    private long id;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_status_before", nullable = false)
    private OrderStatus orderStatusBefore;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "bank_refund_id")
    private String bankRefundId;

    @Column
    private String failure;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "decided_at")
    private Instant decidedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Version
    private long version;

    protected RefundRequest() {
    }

    public RefundRequest(ShopOrder order, long amountMinor, String reason, Instant now) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw ShopRuleException.invalid("reason", "Say why (at most 500 characters).");
        }
        if (amountMinor <= 0) {
            throw ShopRuleException.invalid("amount", "A refund is more than 0.00.");
        }
        if (amountMinor > order.refundableMinor()) {
            throw new ShopRuleException("refund-exceeds-order", 422, "amount",
                    "At most " + java.math.BigDecimal.valueOf(order.refundableMinor(), 2).toPlainString()
                            + " of this order can be refunded.");
        }
        this.id = Ids.next();
        this.orderId = order.id();
        this.amountMinor = amountMinor;
        this.reason = r;
        this.status = RefundStatus.REQUESTED;
        this.orderStatusBefore = order.status();
        this.createdAt = now;
    }

    private void require(RefundStatus... allowed) {
        for (RefundStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ShopRuleException("refund-state", 409, null, "This refund request is " + status + ".");
    }

    public void approve(long by, String note, Instant now) {
        require(RefundStatus.REQUESTED, RefundStatus.DISPUTED, RefundStatus.FAILED);
        status = RefundStatus.APPROVED;
        decided(by, note, now);
    }

    public void refuse(long by, String note, Instant now) {
        require(RefundStatus.REQUESTED);
        requireNote(note);
        status = RefundStatus.REFUSED;
        decided(by, note, now);
    }

    public void dispute(Instant now) {
        require(RefundStatus.REFUSED);
        status = RefundStatus.DISPUTED;
    }

    public void reject(long by, String note, Instant now) {
        require(RefundStatus.DISPUTED);
        requireNote(note);
        status = RefundStatus.REJECTED;
        decided(by, note, now);
    }

    public void refunded(String bankRefundId, Instant now) {
        require(RefundStatus.APPROVED);
        status = RefundStatus.REFUNDED;
        this.bankRefundId = bankRefundId;
        this.failure = null;
        refundedAt = now;
    }

    /** The bank took the refund under this id; the money shows in the payment's state. */
    public void bankRefundAccepted(String bankRefundId) {
        require(RefundStatus.APPROVED);
        this.bankRefundId = bankRefundId;
    }

    public void failed(String why) {
        require(RefundStatus.APPROVED);
        status = RefundStatus.FAILED;
        failure = why == null || why.length() <= 500 ? why : why.substring(0, 500);
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank() || note.length() > 500) {
            throw ShopRuleException.invalid("note", "Give a reason (at most 500 characters).");
        }
    }

    private void decided(long by, String note, Instant now) {
        decidedBy = by;
        decisionNote = note == null || note.isBlank() ? null : note.strip();
        decidedAt = now;
    }

    /** The bank's idempotency key of this refund: asking again never refunds twice. */
    public String idempotencyKey() {
        return "shop-refund-" + id;
    }

    public long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String reason() {
        return reason;
    }

    public RefundStatus status() {
        return status;
    }

    public OrderStatus orderStatusBefore() {
        return orderStatusBefore;
    }

    public Long decidedBy() {
        return decidedBy;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public String bankRefundId() {
        return bankRefundId;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Instant refundedAt() {
        return refundedAt;
    }
}
