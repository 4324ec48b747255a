package org.triad.bank.domain.model.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.bank.domain.model.shared.InvalidInputException;

/**
 * A customer's passkey (a WebAuthn credential): the authenticator's credential id, its public key (as attested
 * credential data), and the signature counter. Only public data: the private key never leaves the authenticator.
 * The credential id is unique across customers (by its SHA-256, as ids may be long).
 */
@Entity
@Table(name = "passkey")
public class Passkey {

    public static final int MAX_NAME = 64;

    @Id
    private long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "credential_id", nullable = false)
    private String credentialId;

    @Column(name = "credential_hash", nullable = false)
    private String credentialHash;

    @Column(name = "attested_data", nullable = false)
    private String attestedData;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "uv_initialized", nullable = false)
    private boolean uvInitialized;

    @Column(name = "backup_eligible")
    private Boolean backupEligible;

    @Column(name = "backup_state")
    private Boolean backupState;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected Passkey() {
    }

    public Passkey(long customerId, String credentialId, String credentialHash, String attestedData, long signCount,
                   boolean uvInitialized, Boolean backupEligible, Boolean backupState, String name, Instant now) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.credentialId = credentialId;
        this.credentialHash = credentialHash;
        this.attestedData = attestedData;
        this.signCount = signCount;
        this.uvInitialized = uvInitialized;
        this.backupEligible = backupEligible;
        this.backupState = backupState;
        this.name = checkedName(name);
        this.createdAt = now;
    }

    /** A name the customer recognises it by ("Work laptop"): 1 to 64 characters. */
    public static String checkedName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new InvalidInputException("A passkey needs a name of 1 to " + MAX_NAME + " characters.");
        }
        return n;
    }

    /** A successful sign-in: the authenticator's new counter (verified as not going back) and the backup state. */
    public void used(long newSignCount, Boolean newBackupState, Instant now) {
        signCount = newSignCount;
        backupState = newBackupState;
        lastUsedAt = now;
    }

    public long id() {
        return id;
    }

    public long customerId() {
        return customerId;
    }

    public String credentialId() {
        return credentialId;
    }

    public String attestedData() {
        return attestedData;
    }

    public long signCount() {
        return signCount;
    }

    public boolean uvInitialized() {
        return uvInitialized;
    }

    public Boolean backupEligible() {
        return backupEligible;
    }

    public Boolean backupState() {
        return backupState;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
