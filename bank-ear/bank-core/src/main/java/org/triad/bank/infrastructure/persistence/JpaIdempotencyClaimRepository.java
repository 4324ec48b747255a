package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.triad.bank.domain.model.ledger.IdempotencyClaim;
import org.triad.bank.domain.model.ledger.IdempotencyClaimRepository;

@ApplicationScoped
public class JpaIdempotencyClaimRepository implements IdempotencyClaimRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void addNow(IdempotencyClaim claim) {
        em.persist(claim);
        em.flush();
    }

    @Override
    public Optional<IdempotencyClaim> find(long initiatorId, String idempotencyKey) {
        return em.createQuery("SELECT c FROM IdempotencyClaim c WHERE c.initiatorId = :i AND c.idempotencyKey = :k",
                        IdempotencyClaim.class)
                .setParameter("i", initiatorId).setParameter("k", idempotencyKey)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public void remove(long id) {
        em.createQuery("DELETE FROM IdempotencyClaim c WHERE c.id = :id").setParameter("id", id).executeUpdate();
    }
}
