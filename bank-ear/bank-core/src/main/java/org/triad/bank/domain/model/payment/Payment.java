package org.triad.bank.domain.model.payment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;

/**
 * A merchant's request for money from one buyer, to one or more payees, until it expires. It is paid at most once
 * (the state check runs under the payment's row lock, in the transaction that moves the money), refunded line by
 * line never beyond what each line received, and every change that a merchant hears of advances its {@link
 * #sequence()} so that a merchant can ignore a stale notification.
 */
@Entity
@Table(name = "payment")
public class Payment {

    public static final int MAX_PAYEES = 20;

    @Id
    private long id;

    @Column(name = "public_id", nullable = false, unique = true)
    private String publicId;

    @Column(name = "merchant_id", nullable = false)
    private long merchantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money total;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money refunded;

    @Column(nullable = false)
    private String currency;

    /** The only customer who may pay, when the merchant named one. */
    @Column(name = "buyer_id")
    private Long buyerId;

    @Column(name = "payer_id")
    private Long payerId;

    @Column(name = "payer_card_id")
    private Long payerCardId;

    @Column(name = "return_url", nullable = false)
    private String returnUrl;

    private String metadata;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "event_sequence", nullable = false)
    private long sequence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "payment", cascade = {CascadeType.PERSIST, CascadeType.REFRESH})
    @OrderBy("lineNo")
    private List<PaymentLine> lines = new ArrayList<>();

    protected Payment() {
    }

    /** A new payment; {@code total} must be the sum of the payees' amounts. */
    public static Payment create(String publicId, long merchantId, List<Payee> payees, Money total, Long buyerId,
                                 String returnUrl, String metadata, String idempotencyKey, String requestHash,
                                 Instant expiresAt, Instant now) {
        if (payees == null || payees.isEmpty() || payees.size() > MAX_PAYEES) {
            throw PaymentRuleException.invalid("A payment has 1 to " + MAX_PAYEES + " payees.");
        }
        Set<String> orderIds = new HashSet<>();
        Money sum = Money.ZERO;
        for (Payee p : payees) {
            if (!orderIds.add(p.merchantOrderId())) {
                throw PaymentRuleException.invalid("merchant_order_id " + p.merchantOrderId() + " appears twice.");
            }
            sum = sum.plus(p.amount());
        }
        if (total == null || sum.compareTo(total) != 0) {
            throw PaymentRuleException.invalid("The total " + total + " is not the sum of the payees' amounts (" + sum + ").");
        }
        if (!expiresAt.isAfter(now)) {
            throw PaymentRuleException.invalid("The payment would expire before it is created.");
        }
        Payment p = new Payment();
        p.id = Ids.next();
        p.publicId = publicId;
        p.merchantId = merchantId;
        p.status = PaymentStatus.CREATED;
        p.total = total;
        p.refunded = Money.ZERO;
        p.currency = Money.CURRENCY;
        p.buyerId = buyerId;
        p.returnUrl = returnUrl;
        p.metadata = metadata;
        p.idempotencyKey = idempotencyKey;
        p.requestHash = requestHash;
        p.createdAt = now;
        p.expiresAt = expiresAt;
        p.sequence = 1;
        int n = 1;
        for (Payee payee : payees) {
            p.lines.add(new PaymentLine(p, n++, payee));
        }
        return p;
    }

    /** Refuses unless {@code customerId} may pay this payment now. */
    public void requirePayableBy(long customerId, Instant now) {
        if (buyerId != null && buyerId != customerId) {
            // reported like a payment that does not exist: the id tells another customer nothing
            throw PaymentRuleException.notFound();
        }
        if (status == PaymentStatus.CREATED && !now.isBefore(expiresAt)) {
            throw new PaymentRuleException("payment-expired", 409, "This payment has expired.");
        }
        if (status != PaymentStatus.CREATED) {
            throw new PaymentRuleException("payment-not-payable", 409, status == PaymentStatus.CANCELLED
                    ? "The merchant cancelled this payment." : status == PaymentStatus.EXPIRED
                    ? "This payment has expired." : "This payment has already been paid.");
        }
    }

    /** Records the payment as paid by the card; the caller moved the money in the same transaction. */
    public void markPaid(long customerId, long cardId, long entryId, Instant now) {
        requirePayableBy(customerId, now);
        this.status = PaymentStatus.PAID;
        this.payerId = customerId;
        this.payerCardId = cardId;
        this.entryId = entryId;
        this.closedAt = now;
        this.sequence++;
    }

    public void cancel(Instant now) {
        if (status != PaymentStatus.CREATED) {
            throw new PaymentRuleException("payment-not-cancellable", 409,
                    "Only a payment that is not paid, expired or cancelled can be cancelled (it is " + status + ").");
        }
        this.status = PaymentStatus.CANCELLED;
        this.closedAt = now;
        this.sequence++;
    }

    /** Whether it is due to expire; {@link #expire} then closes it. */
    public boolean isDue(Instant now) {
        return status == PaymentStatus.CREATED && !now.isBefore(expiresAt);
    }

    public void expire(Instant now) {
        if (!isDue(now)) {
            throw new PaymentRuleException("payment-not-due", 409, "This payment is not due to expire.");
        }
        this.status = PaymentStatus.EXPIRED;
        this.closedAt = now;
        this.sequence++;
    }

    /**
     * Takes a refund of the given amounts per line (by merchant order id) off what each line received. Refuses a
     * payment that was not paid, an unknown order id and any line refunded beyond its amount.
     */
    public List<RefundLine> refund(Refund refund, Map<String, Money> byOrderId) {
        if (status != PaymentStatus.PAID && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw new PaymentRuleException("payment-not-refundable", 409, "Only a paid payment can be refunded (it is "
                    + status + ").");
        }
        List<RefundLine> parts = new ArrayList<>();
        Money sum = Money.ZERO;
        for (Map.Entry<String, Money> e : byOrderId.entrySet()) {
            PaymentLine line = lines.stream().filter(l -> l.merchantOrderId().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> PaymentRuleException.invalid("No line with merchant_order_id " + e.getKey() + "."));
            line.refund(e.getValue());
            parts.add(new RefundLine(refund, line, e.getValue()));
            sum = sum.plus(e.getValue());
        }
        refunded = refunded.plus(sum);
        status = refunded.compareTo(total) == 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        sequence++;
        return parts;
    }

    public boolean matches(String requestHash) {
        return Objects.equals(this.requestHash, requestHash);
    }

    public long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public long merchantId() {
        return merchantId;
    }

    public PaymentStatus status() {
        return status;
    }

    public Money total() {
        return total;
    }

    public Money refunded() {
        return refunded;
    }

    public String currency() {
        return currency;
    }

    public Long buyerId() {
        return buyerId;
    }

    public Long payerId() {
        return payerId;
    }

    public Long payerCardId() {
        return payerCardId;
    }

    public String returnUrl() {
        return returnUrl;
    }

    public String metadata() {
        return metadata;
    }

    public Long entryId() {
        return entryId;
    }

    public long sequence() {
        return sequence;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public List<PaymentLine> lines() {
        return List.copyOf(lines);
    }
}
