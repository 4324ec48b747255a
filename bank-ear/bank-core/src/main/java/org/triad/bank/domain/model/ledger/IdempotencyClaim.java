package org.triad.bank.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;

/**
 * A money movement that is being worked on: its initiator, idempotency key and request fingerprint, taken before the
 * confirmations are checked and removed when the request ends. At most one per key ({@code uq_idempotency_claim}), so
 * a concurrent retry learns that the first request is still running instead of spending a code the first one used.
 */
@Entity
@Table(name = "idempotency_claim")
public class IdempotencyClaim {

    @Id
    private long id;

    @Column(name = "initiator_id", nullable = false)
    private long initiatorId;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    protected IdempotencyClaim() {
    }

    public IdempotencyClaim(long initiatorId, String idempotencyKey, String fingerprint, Instant now) {
        this.id = Ids.next();
        this.initiatorId = initiatorId;
        this.idempotencyKey = IdempotencyKey.require(idempotencyKey);
        this.fingerprint = fingerprint;
        this.claimedAt = now;
    }

    public boolean matches(String fingerprint) {
        return this.fingerprint.equals(fingerprint);
    }

    /** Whether the request that claimed the key has had longer than {@code lease} (a crash left the claim behind). */
    public boolean isStale(Instant now, Duration lease) {
        return !claimedAt.plus(lease).isAfter(now);
    }

    /** Takes over a stale claim for a new request with the same fingerprint. */
    public void renew(Instant now) {
        this.claimedAt = now;
    }

    public long id() {
        return id;
    }

    public Instant claimedAt() {
        return claimedAt;
    }
}
