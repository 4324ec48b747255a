package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.triad.bank.domain.model.identity.SigningKey;
import org.triad.bank.domain.model.identity.SigningKeyRepository;

@ApplicationScoped
public class JpaSigningKeyRepository implements SigningKeyRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(SigningKey key) {
        em.persist(key);
    }

    @Override
    public List<SigningKey> findPublishable(Instant retiredAfter) {
        return em.createQuery("SELECT k FROM SigningKey k WHERE k.retiredAt IS NULL OR k.retiredAt > :t "
                        + "ORDER BY k.createdAt DESC", SigningKey.class)
                .setParameter("t", retiredAfter).getResultList();
    }

    @Override
    public List<SigningKey> findActive() {
        return em.createQuery("SELECT k FROM SigningKey k WHERE k.retiredAt IS NULL ORDER BY k.createdAt DESC",
                SigningKey.class).getResultList();
    }

    @Override
    public List<SigningKey> lockActive() {
        return em.createQuery("SELECT k FROM SigningKey k WHERE k.retiredAt IS NULL ORDER BY k.createdAt DESC",
                SigningKey.class).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", 10_000).getResultList();
    }

    @Override
    public List<SigningKey> findRecent(int limit) {
        return em.createQuery("SELECT k FROM SigningKey k ORDER BY k.createdAt DESC", SigningKey.class)
                .setMaxResults(limit).getResultList();
    }
}
