package org.triad.bank.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;

@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(nullable = false)
    private String action;

    private String subject;

    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Long actorId, String action, String subject, String detail, Instant now) {
        this.id = Ids.next();
        this.occurredAt = now;
        this.actorId = actorId;
        this.action = action;
        this.subject = subject;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Long actorId() {
        return actorId;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }
}
