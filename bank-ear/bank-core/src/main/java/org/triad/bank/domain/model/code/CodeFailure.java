package org.triad.bank.domain.model.code;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;

/**
 * One wrong one-time code entered for an account, whichever code it was meant for: the per-account count that a
 * new code does not reset (a code's own attempt counter does).
 */
@Entity
@Table(name = "code_failure")
public class CodeFailure {

    @Id
    private long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CodePurpose purpose;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected CodeFailure() {
    }

    public CodeFailure(long customerId, CodePurpose purpose, Instant failedAt) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.purpose = purpose;
        this.failedAt = failedAt;
    }

    public Instant failedAt() {
        return failedAt;
    }
}
