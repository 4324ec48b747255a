package org.triad.ca.domain.model.audit;

import java.time.Instant;

/** Filters of an audit log search; null means "any". */
public record AuditQuery(String actor, AuditAction action, String subject, Instant from, Instant to) {
}
