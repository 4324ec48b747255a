package org.triad.shop.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.audit.AuditEntry;

/** Writes audit entries in the caller's transaction (an action and its audit commit or roll back together). */
@ApplicationScoped
public class ShopAudit {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    public void record(Long actorId, String action, String subject, String detail) {
        em.persist(new AuditEntry(actorId, action, subject, detail, Instant.now()));
    }

    /** The newest entries about one subject ({@code item:42}, {@code user:7}). */
    public List<AuditEntry> about(String subject, int max) {
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.subject = :s ORDER BY a.at DESC", AuditEntry.class)
                .setParameter("s", subject).setMaxResults(max).getResultList();
    }
}
