package org.triad.bank.domain.model.code;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.triad.bank.domain.model.shared.Ids;

/** A one-time code as stored: its hash, purpose, subject, expiry and attempt count. */
@Entity
@Table(name = "one_time_code")
public class OneTimeCode {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;

    @Id
    private long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CodePurpose purpose;

    /** What the code is for within its purpose (a card id), or empty. */
    @Column(nullable = false)
    private String subject;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private Instant usedAt;

    protected OneTimeCode() {
    }

    public OneTimeCode(long customerId, CodePurpose purpose, String subject, String codeHash, Instant now) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.purpose = purpose;
        this.subject = subject == null ? "" : subject;
        this.codeHash = codeHash;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    /**
     * Checks an entered code. A wrong code costs an attempt; a correct one is used up. Expired, used and exhausted
     * codes are refused before the code is even compared.
     */
    public CodeCheck check(Predicate<String> matchesHash, Instant now) {
        if (usedAt != null) {
            return CodeCheck.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return CodeCheck.EXPIRED;
        }
        if (attempts >= MAX_ATTEMPTS) {
            return CodeCheck.EXHAUSTED;
        }
        attempts++;
        if (!matchesHash.test(codeHash)) {
            return CodeCheck.WRONG;
        }
        usedAt = now;
        return CodeCheck.ACCEPTED;
    }

    /** A newer code for the same purpose replaces this one. */
    public void supersede(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public long id() {
        return id;
    }

    public long customerId() {
        return customerId;
    }

    public CodePurpose purpose() {
        return purpose;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
