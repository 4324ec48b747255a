package org.triad.bank.domain.model.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.bank.domain.model.shared.InvalidStateException;

/**
 * A customer's card and its balance. The balance never goes below zero: {@link #debit(Money)} refuses. Callers
 * hold a pessimistic write lock on the row while they change the balance (see the ledger), so the version column
 * is only a safety net.
 */
@Entity
@Table(name = "card")
public class Card {

    @Id
    private long id;

    @Column(nullable = false, unique = true, length = 19)
    private CardNumber number;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CardStatus status;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money balance;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Version
    private long version;

    protected Card() {
    }

    public Card(CardNumber number, long ownerId, Instant now) {
        this.id = Ids.next();
        this.number = number;
        this.ownerId = ownerId;
        this.status = CardStatus.PENDING_ACTIVATION;
        this.balance = Money.ZERO;
        this.createdAt = now;
    }

    public void activate(Instant now) {
        if (status != CardStatus.PENDING_ACTIVATION) {
            throw new InvalidStateException("The card is already activated.");
        }
        status = CardStatus.ACTIVE;
        activatedAt = now;
    }

    public void freeze() {
        if (status != CardStatus.ACTIVE) {
            throw new InvalidStateException("Only an active card can be frozen; this one is " + status + ".");
        }
        status = CardStatus.FROZEN;
    }

    public void unfreeze() {
        if (status != CardStatus.FROZEN) {
            throw new InvalidStateException("The card is not frozen.");
        }
        status = CardStatus.ACTIVE;
    }

    public void requireActive() {
        if (status != CardStatus.ACTIVE) {
            throw new CardNotUsableException("Card " + number.masked() + " is " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
        }
    }

    public void credit(Money amount) {
        requirePositive(amount);
        requireActive();
        balance = balance.plus(amount);
    }

    /** @throws InsufficientFundsException if the balance is smaller than the amount; nothing changes then */
    public void debit(Money amount) {
        requirePositive(amount);
        requireActive();
        if (balance.isLessThan(amount)) {
            throw new InsufficientFundsException("The balance of card " + number.masked() + " is not sufficient.");
        }
        balance = balance.minus(amount);
    }

    private static void requirePositive(Money amount) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("Amounts credited or debited are positive: " + amount);
        }
    }

    public boolean isOwnedBy(long customerId) {
        return ownerId == customerId;
    }

    public long id() {
        return id;
    }

    public CardNumber number() {
        return number;
    }

    public long ownerId() {
        return ownerId;
    }

    public CardStatus status() {
        return status;
    }

    public Money balance() {
        return balance;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
