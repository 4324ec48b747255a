package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.login.Passkey;
import org.triad.bank.domain.model.login.PasskeyRepository;

@ApplicationScoped
public class JpaPasskeyRepository implements PasskeyRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(Passkey passkey) {
        em.persist(passkey);
    }

    @Override
    public void remove(Passkey passkey) {
        em.remove(passkey);
    }

    @Override
    public Optional<Passkey> lockByCredentialHash(String credentialHash) {
        return em.createQuery("SELECT p FROM Passkey p WHERE p.credentialHash = :h", Passkey.class)
                .setParameter("h", credentialHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public boolean existsByCredentialHash(String credentialHash) {
        return !em.createQuery("SELECT p.id FROM Passkey p WHERE p.credentialHash = :h", Long.class)
                .setParameter("h", credentialHash).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<Passkey> findByCustomer(long customerId) {
        return em.createQuery("SELECT p FROM Passkey p WHERE p.customerId = :c ORDER BY p.createdAt, p.id",
                Passkey.class).setParameter("c", customerId).getResultList();
    }
}
