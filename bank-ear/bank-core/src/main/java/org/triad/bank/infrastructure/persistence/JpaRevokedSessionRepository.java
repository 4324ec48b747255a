package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.identity.RevokedSession;
import org.triad.bank.domain.model.identity.RevokedSessionRepository;

@ApplicationScoped
public class JpaRevokedSessionRepository implements RevokedSessionRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(RevokedSession revoked) {
        em.persist(revoked);
    }

    @Override
    public Optional<RevokedSession> find(String handle) {
        return Optional.ofNullable(em.find(RevokedSession.class, handle));
    }

    @Override
    public List<RevokedSession> findUnexpired(Instant now) {
        return em.createQuery("SELECT r FROM RevokedSession r WHERE r.expiresAt > :now", RevokedSession.class)
                .setParameter("now", now).getResultList();
    }
}
