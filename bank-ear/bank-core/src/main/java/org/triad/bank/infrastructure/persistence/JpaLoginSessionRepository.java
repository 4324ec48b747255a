package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;

@ApplicationScoped
public class JpaLoginSessionRepository implements LoginSessionRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(LoginSession session) {
        em.persist(session);
    }

    @Override
    public Optional<LoginSession> findByTokenHash(String tokenHash) {
        return em.createQuery("SELECT s FROM LoginSession s WHERE s.tokenHash = :h", LoginSession.class)
                .setParameter("h", tokenHash).getResultStream().findFirst();
    }

    @Override
    public Optional<LoginSession> findByHandle(String handle) {
        return em.createQuery("SELECT s FROM LoginSession s WHERE s.handle = :h", LoginSession.class)
                .setParameter("h", handle).getResultStream().findFirst();
    }

    @Override
    public Optional<LoginSession> find(long id) {
        return Optional.ofNullable(em.find(LoginSession.class, id));
    }

    @Override
    public List<LoginSession> findByCustomer(long customerId) {
        return em.createQuery("SELECT s FROM LoginSession s WHERE s.customerId = :c ORDER BY s.createdAt DESC",
                LoginSession.class).setParameter("c", customerId).getResultList();
    }
}
