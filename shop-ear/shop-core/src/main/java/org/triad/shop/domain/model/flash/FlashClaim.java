package org.triad.shop.domain.model.flash;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;

/**
 * One buyer's unit of a flash sale. {@code holderId} is the buyer while the claim holds its unit and null once it is
 * released: the unique key (sale, holder) is what guarantees one live claim per buyer, also between servers. Status
 * changes are conditional updates in the repository, so a claim is released exactly once.
 */
@Entity
@Table(name = "flash_claim")
public class FlashClaim {

    @Id
    private long id;

    @Column(name = "sale_id", nullable = false)
    private long saleId;

    @Column(name = "buyer_id", nullable = false)
    private long buyerId;

    @Column(name = "holder_id")
    private Long holderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FlashClaimStatus status;

    @Convert(converter = InstantConverter.class)
    @Column(name = "hold_until", nullable = false)
    private Instant holdUntil;

    @Column(name = "checkout_id")
    private Long checkoutId;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "released_at")
    private Instant releasedAt;

    protected FlashClaim() {
    }

    public FlashClaim(FlashSale sale, long buyerId, Instant now) {
        this.id = Ids.next();
        this.saleId = sale.id();
        this.buyerId = buyerId;
        this.holderId = buyerId;
        this.status = FlashClaimStatus.CLAIMED;
        this.holdUntil = now.plus(sale.claimHold());
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public long saleId() {
        return saleId;
    }

    public long buyerId() {
        return buyerId;
    }

    public FlashClaimStatus status() {
        return status;
    }

    public Instant holdUntil() {
        return holdUntil;
    }

    public Long checkoutId() {
        return checkoutId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlashClaim other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
