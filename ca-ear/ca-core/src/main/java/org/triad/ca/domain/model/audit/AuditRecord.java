package org.triad.ca.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One audit event. Its {@link #hash()} covers every field and the hash of the record before it, so
 * editing, inserting or deleting a record breaks the chain at that point.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private AuditAction action;

    @Column(name = "subject")
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private AuditOutcome outcome;

    @Column(name = "detail")
    private String detail;

    @Column(name = "prev_hash", nullable = false)
    private String prevHash;

    @Column(name = "hash", nullable = false)
    private String hash;

    protected AuditRecord() {
    }

    /** A record that follows {@code prevHash} as number {@code seq} in the chain. */
    public AuditRecord(long seq, Instant occurredAt, String actor, AuditAction action, String subject,
                       AuditOutcome outcome, String detail, String prevHash) {
        this.seq = seq;
        // hash exactly what is read back: Connector/J sends no fractional seconds to MariaDB (it
        // reports itself as "5.5.5-10.x", older than 5.6.4), so only whole seconds survive everywhere
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
        this.actor = truncate(actor, 100);
        this.action = action;
        this.subject = truncate(subject, 512);
        this.outcome = outcome;
        this.detail = truncate(detail, 2000);
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** The hash this record's fields and predecessor imply (differs from {@link #hash()} if tampered). */
    public String computeHash() {
        String canonical = String.join("\u001f", Long.toString(seq), occurredAt.toString(), actor, action.name(),
                String.valueOf(subject), outcome.name(), String.valueOf(detail), prevHash);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
