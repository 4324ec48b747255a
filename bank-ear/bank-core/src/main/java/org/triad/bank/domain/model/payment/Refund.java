package org.triad.bank.domain.model.payment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;

/** Money given back from the payees of a payment to the card that paid it; once per idempotency key and payment. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    private long id;

    @Column(name = "public_id", nullable = false, unique = true)
    private String publicId;

    @Column(name = "payment_id", nullable = false)
    private long paymentId;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money amount;

    @Column(nullable = false)
    private String status;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "refund", cascade = CascadeType.PERSIST)
    private List<RefundLine> lines = new ArrayList<>();

    protected Refund() {
    }

    public Refund(String publicId, long paymentId, String idempotencyKey, String requestHash, Instant now) {
        this.id = Ids.next();
        this.publicId = publicId;
        this.paymentId = paymentId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = "SUCCEEDED";
        this.amount = Money.ZERO;
        this.createdAt = now;
    }

    /** The lines taken off the payment, and the journal entry that moved their money. */
    public void settle(List<RefundLine> parts, long entryId) {
        this.lines.addAll(parts);
        this.amount = parts.stream().map(RefundLine::amount).reduce(Money.ZERO, Money::plus);
        this.entryId = entryId;
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

    public long paymentId() {
        return paymentId;
    }

    public Money amount() {
        return amount;
    }

    public String status() {
        return status;
    }

    public long entryId() {
        return entryId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<RefundLine> lines() {
        return List.copyOf(lines);
    }
}
