package org.triad.ca.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest link of the audit chain. Appending locks this single row, which serialises writers
 * across cluster members and lets verification notice records deleted from the end.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    public AuditRecord append(java.time.Instant at, String actor, AuditAction action, String subject,
                              AuditOutcome outcome, String detail) {
        AuditRecord record = new AuditRecord(lastSeq + 1, at, actor, action, subject, outcome, detail, lastHash);
        lastSeq = record.seq();
        lastHash = record.hash();
        return record;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }
}
