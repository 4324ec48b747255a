package org.triad.bank.domain.model.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer's TOTP authenticator (RFC 6238): the shared secret, encrypted at rest, and the time step of the last
 * accepted code. A code is accepted only for a step later than that one, so a code seen once (shoulder surfing, a
 * replayed request) never works again.
 */
@Entity
@Table(name = "totp_enrolment")
public class TotpEnrolment {

    @Id
    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "secret_encrypted", nullable = false)
    private String secretEncrypted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TotpStatus status;

    @Column(name = "last_used_step")
    private Long lastUsedStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    protected TotpEnrolment() {
    }

    public TotpEnrolment(long customerId, String secretEncrypted, Instant now) {
        this.customerId = customerId;
        this.secretEncrypted = secretEncrypted;
        this.status = TotpStatus.PENDING;
        this.createdAt = now;
    }

    /** A new secret for a pending enrolment (the customer started again). */
    public void restart(String newSecretEncrypted, Instant now) {
        if (status == TotpStatus.ACTIVE) {
            throw new org.triad.bank.domain.model.shared.InvalidStateException(
                    "An authenticator is already active; disable it first.");
        }
        secretEncrypted = newSecretEncrypted;
        lastUsedStep = null;
        createdAt = now;
    }

    /**
     * Records that a code of the given time step was accepted.
     *
     * @return false if a code of this step or a later one was accepted before (a replay)
     */
    public boolean use(long step) {
        if (lastUsedStep != null && step <= lastUsedStep) {
            return false;
        }
        lastUsedStep = step;
        return true;
    }

    public void activate(Instant now) {
        status = TotpStatus.ACTIVE;
        activatedAt = now;
    }

    public boolean isActive() {
        return status == TotpStatus.ACTIVE;
    }

    public long customerId() {
        return customerId;
    }

    public String secretEncrypted() {
        return secretEncrypted;
    }

    public TotpStatus status() {
        return status;
    }

    public Long lastUsedStep() {
        return lastUsedStep;
    }

    public Instant activatedAt() {
        return activatedAt;
    }
}
