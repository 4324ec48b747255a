package org.triad.bank.domain.model.audit;

import java.util.List;

public interface AuditRepository {

    void add(AuditEvent event);

    /** Newest first; actor and action optional. */
    List<AuditEvent> find(Long actorId, String action, int offset, int limit);
}
