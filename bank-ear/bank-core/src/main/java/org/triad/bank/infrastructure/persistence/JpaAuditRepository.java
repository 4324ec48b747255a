package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.triad.bank.domain.model.audit.AuditEvent;
import org.triad.bank.domain.model.audit.AuditRepository;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(AuditEvent event) {
        em.persist(event);
    }

    @Override
    public List<AuditEvent> find(Long actorId, String action, int offset, int limit) {
        var q = em.createQuery("SELECT a FROM AuditEvent a WHERE 1 = 1"
                + (actorId == null ? "" : " AND a.actorId = :actor")
                + (action == null ? "" : " AND a.action = :action")
                + " ORDER BY a.occurredAt DESC, a.id DESC", AuditEvent.class);
        if (actorId != null) {
            q.setParameter("actor", actorId);
        }
        if (action != null) {
            q.setParameter("action", action);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
