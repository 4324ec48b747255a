package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.login.RecoveryCode;
import org.triad.bank.domain.model.login.TotpEnrolment;
import org.triad.bank.domain.model.login.TotpRepository;

@ApplicationScoped
public class JpaTotpRepository implements TotpRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public Optional<TotpEnrolment> find(long customerId) {
        return Optional.ofNullable(em.find(TotpEnrolment.class, customerId));
    }

    @Override
    public Optional<TotpEnrolment> lock(long customerId) {
        return Optional.ofNullable(em.find(TotpEnrolment.class, customerId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(TotpEnrolment enrolment) {
        em.persist(enrolment);
    }

    @Override
    public void remove(TotpEnrolment enrolment) {
        em.remove(enrolment);
    }

    @Override
    public List<RecoveryCode> recoveryCodes(long customerId) {
        return em.createQuery("SELECT r FROM RecoveryCode r WHERE r.customerId = :c", RecoveryCode.class)
                .setParameter("c", customerId).getResultList();
    }

    @Override
    public Optional<RecoveryCode> recoveryCode(String codeHash) {
        return em.createQuery("SELECT r FROM RecoveryCode r WHERE r.codeHash = :h", RecoveryCode.class)
                .setParameter("h", codeHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public void add(RecoveryCode code) {
        em.persist(code);
    }

    @Override
    public void removeRecoveryCodes(long customerId) {
        em.createQuery("DELETE FROM RecoveryCode r WHERE r.customerId = :c").setParameter("c", customerId)
                .executeUpdate();
    }
}
