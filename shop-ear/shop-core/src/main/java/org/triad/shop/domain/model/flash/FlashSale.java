package org.triad.shop.domain.model.flash;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * N units of one item at a flash price between {@link #startsAt} and {@link #endsAt}, at most one per buyer. The
 * units leave the item's stock when the sale is scheduled; {@code remaining} is the pool not yet claimed. The pool is
 * only ever changed by conditional updates in the repository (never read, then written), so this entity's copy of it
 * is for display.
 */
@Entity
@Table(name = "flash_sale")
public class FlashSale {

    /** The shortest and longest time a winner may be given to check out. */
    public static final Duration MIN_CLAIM_HOLD = Duration.ofSeconds(5);
    public static final Duration MAX_CLAIM_HOLD = Duration.ofHours(1);
    public static final int MAX_UNITS = 100_000;
    public static final Duration MAX_LENGTH = Duration.ofDays(7);

    @Id
    private long id;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(nullable = false)
    private int units;

    @Column(nullable = false)
    private int remaining;

    @Convert(converter = InstantConverter.class)
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "claim_hold_seconds", nullable = false)
    private int claimHoldSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FlashSaleStatus status;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected FlashSale() {
    }

    /** A sale as an admin asks for it, checked: the window lies ahead (or has just begun), units and hold in range. */
    public FlashSale(long itemId, long priceMinor, int units, Instant startsAt, Instant endsAt, Duration claimHold,
                     long adminId, Instant now) {
        if (units <= 0 || units > MAX_UNITS) {
            throw ShopRuleException.invalid("units", "A flash sale has 1 to " + MAX_UNITS + " units.");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw ShopRuleException.invalid("endsAt", "The sale must end after it starts.");
        }
        if (startsAt.isBefore(now.minusSeconds(60))) {
            throw ShopRuleException.invalid("startsAt", "The sale cannot start in the past.");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw ShopRuleException.invalid("endsAt", "A flash sale lasts at most 7 days.");
        }
        if (claimHold == null || claimHold.compareTo(MIN_CLAIM_HOLD) < 0 || claimHold.compareTo(MAX_CLAIM_HOLD) > 0) {
            throw ShopRuleException.invalid("claimHoldSeconds", "A winner gets 5 seconds to 1 hour to check out.");
        }
        this.id = Ids.next();
        this.itemId = itemId;
        this.priceMinor = priceMinor;
        this.units = units;
        this.remaining = units;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.claimHoldSeconds = (int) claimHold.toSeconds();
        this.status = FlashSaleStatus.SCHEDULED;
        this.createdBy = adminId;
        this.createdAt = now;
    }

    /** Before, during or after the window, or ended by close/cancel. */
    public Phase phase(Instant now) {
        if (status != FlashSaleStatus.SCHEDULED) {
            return Phase.ENDED;
        }
        if (now.isBefore(startsAt)) {
            return Phase.UPCOMING;
        }
        return now.isBefore(endsAt) ? Phase.LIVE : Phase.ENDED;
    }

    public enum Phase { UPCOMING, LIVE, ENDED }

    public long id() {
        return id;
    }

    public long itemId() {
        return itemId;
    }

    public long priceMinor() {
        return priceMinor;
    }

    public int units() {
        return units;
    }

    public int remaining() {
        return remaining;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Duration claimHold() {
        return Duration.ofSeconds(claimHoldSeconds);
    }

    public FlashSaleStatus status() {
        return status;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlashSale other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
