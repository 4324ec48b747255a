package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.identity.RefreshToken;
import org.triad.bank.domain.model.identity.RefreshTokenRepository;

@ApplicationScoped
public class JpaRefreshTokenRepository implements RefreshTokenRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(RefreshToken token) {
        em.persist(token);
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :h", RefreshToken.class)
                .setParameter("h", tokenHash).getResultStream().findFirst();
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        // SELECT ... FOR UPDATE: a concurrent refresh with the same token waits here until this one commits
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :h", RefreshToken.class)
                .setParameter("h", tokenHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", 10_000)
                .getResultStream().findFirst();
    }

    @Override
    public List<RefreshToken> findBySession(long sessionId) {
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.sessionId = :s", RefreshToken.class)
                .setParameter("s", sessionId).getResultList();
    }
}
