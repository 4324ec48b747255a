package org.triad.bank.application.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.bank.domain.model.audit.AuditEvent;
import org.triad.bank.domain.model.audit.AuditRepository;

/**
 * Writes audit events in the caller's transaction: an action that rolls back leaves no audit event, one that
 * commits always has one.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditRepository events;

    /** An audit log outside the container (unit tests of the services that write to it). */
    public static AuditLog writingTo(AuditRepository events) {
        AuditLog log = new AuditLog();
        log.events = events;
        return log;
    }

    public void record(Long actorId, String action, String subject, String detail) {
        events.add(new AuditEvent(actorId, action, subject, detail, Instant.now()));
    }

    public List<View> find(Long actorId, String action, int offset, int limit) {
        return events.find(actorId, action, offset, limit).stream()
                .map(e -> new View(e.id(), e.occurredAt(), e.actorId(), e.action(), e.subject(), e.detail()))
                .toList();
    }

    public record View(long id, Instant occurredAt, Long actorId, String action, String subject, String detail) {
    }
}
