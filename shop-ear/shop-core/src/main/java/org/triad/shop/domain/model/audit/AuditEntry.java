package org.triad.shop.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;

/** One audited action: who (a shop user id, or none for the system), what, on which subject ({@code item:42}). */
@Entity
@Table(name = "shop_audit")
public class AuditEntry {

    @Id
    private long id;

    @Convert(converter = InstantConverter.class)
    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String subject;

    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Long actorId, String action, String subject, String detail, Instant at) {
        this.id = Ids.next();
        this.actorId = actorId;
        this.action = action;
        this.subject = subject;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.at = at;
    }

    public Instant at() {
        return at;
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
