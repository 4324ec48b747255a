package org.triad.bank.domain.model.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;

/** One of a customer's recovery codes (80 random bits, stored as SHA-256), usable once instead of a TOTP code. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

    @Id
    private long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(long customerId, String codeHash, Instant now) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.codeHash = codeHash;
        this.createdAt = now;
    }

    /** @return false if the code was used before */
    public boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public long customerId() {
        return customerId;
    }

    public String codeHash() {
        return codeHash;
    }
}
