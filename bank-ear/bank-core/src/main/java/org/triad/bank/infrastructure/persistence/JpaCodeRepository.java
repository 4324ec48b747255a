package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.code.CodeFailure;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.code.CodeRepository;
import org.triad.bank.domain.model.code.OneTimeCode;

@ApplicationScoped
public class JpaCodeRepository implements CodeRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(OneTimeCode code) {
        em.persist(code);
    }

    @Override
    public Optional<OneTimeCode> newest(long customerId, CodePurpose purpose, String subject) {
        return em.createQuery("SELECT c FROM OneTimeCode c WHERE c.customerId = :c AND c.purpose = :p"
                        + " AND c.subject = :s ORDER BY c.createdAt DESC, c.id DESC", OneTimeCode.class)
                .setParameter("c", customerId).setParameter("p", purpose).setParameter("s", subject == null ? "" : subject)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<OneTimeCode> newestForCheck(long customerId, CodePurpose purpose, String subject) {
        return newest(customerId, purpose, subject).map(c -> {
            em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
            return c;
        });
    }

    @Override
    public List<OneTimeCode> unused(long customerId, CodePurpose purpose, String subject) {
        return em.createQuery("SELECT c FROM OneTimeCode c WHERE c.customerId = :c AND c.purpose = :p"
                        + " AND c.subject = :s AND c.usedAt IS NULL", OneTimeCode.class)
                .setParameter("c", customerId).setParameter("p", purpose).setParameter("s", subject == null ? "" : subject)
                .getResultList();
    }

    @Override
    public long issuedSince(long customerId, CodePurpose purpose, Instant since) {
        return em.createQuery("SELECT COUNT(c) FROM OneTimeCode c WHERE c.customerId = :c AND c.purpose = :p"
                        + " AND c.createdAt >= :since", Long.class)
                .setParameter("c", customerId).setParameter("p", purpose).setParameter("since", since)
                .getSingleResult();
    }

    @Override
    public void addFailure(CodeFailure failure) {
        em.persist(failure);
    }

    @Override
    public List<Instant> failuresSince(long customerId, CodePurpose purpose, Instant since, int max) {
        return em.createQuery("SELECT f.failedAt FROM CodeFailure f WHERE f.customerId = :c AND f.purpose = :p"
                        + " AND f.failedAt >= :since ORDER BY f.failedAt DESC", Instant.class)
                .setParameter("c", customerId).setParameter("p", purpose).setParameter("since", since)
                .setMaxResults(Math.max(1, max)).getResultList();
    }
}
