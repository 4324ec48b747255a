package org.triad.bank.domain.model.ledger;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;

/**
 * One movement of money. Built with {@link #open}, filled with postings, then {@link #close() closed}, which
 * checks that the postings balance. The pair (initiator, idempotency key) is unique in the database: a retried
 * request finds the entry of its first attempt instead of moving money again.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    @Id
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryStatus status;

    @Column(name = "initiator_id", nullable = false)
    private long initiatorId;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    /** Hash of what was asked for, to tell a retry (same request) from a reused key (different request). */
    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money amount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** What the entry settles, for PAYMENT and REFUND entries: the payment's or refund's public id. */
    private String reference;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Posting> postings = new ArrayList<>();

    protected JournalEntry() {
    }

    private JournalEntry(EntryType type, long initiatorId, String idempotencyKey, String requestHash, Money amount,
                         Instant now) {
        this.id = Ids.next();
        this.type = type;
        this.status = EntryStatus.COMPLETED;
        this.initiatorId = initiatorId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.amount = amount;
        this.createdAt = now;
    }

    public static JournalEntry open(EntryType type, long initiatorId, String idempotencyKey, String requestHash,
                                    Money amount, Instant now) {
        return new JournalEntry(type, initiatorId, idempotencyKey, requestHash, amount, now);
    }

    /** Names the payment or refund this entry settles. */
    public JournalEntry referencing(String reference) {
        this.reference = reference;
        return this;
    }

    public String reference() {
        return reference;
    }

    public JournalEntry postToCard(long cardId, Money signedAmount, Money balanceAfter) {
        postings.add(new Posting(this, LedgerAccount.CARD, cardId, signedAmount, balanceAfter));
        return this;
    }

    public JournalEntry postToBank(LedgerAccount account, Money signedAmount) {
        postings.add(new Posting(this, account, null, signedAmount, null));
        return this;
    }

    /** @throws UnbalancedEntryException if there are fewer than two postings or they do not sum to zero */
    public JournalEntry close() {
        if (postings.size() < 2) {
            throw new UnbalancedEntryException("An entry has at least two postings");
        }
        Money sum = postings.stream().map(Posting::amount).reduce(Money.ZERO, Money::plus);
        if (!sum.isZero()) {
            throw new UnbalancedEntryException("Postings of entry " + id + " sum to " + sum);
        }
        return this;
    }

    public boolean matches(String otherRequestHash) {
        return requestHash.equals(otherRequestHash);
    }

    public long id() {
        return id;
    }

    public EntryType type() {
        return type;
    }

    public EntryStatus status() {
        return status;
    }

    public long initiatorId() {
        return initiatorId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Money amount() {
        return amount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Posting> postings() {
        return Collections.unmodifiableList(postings);
    }
}
