package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
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
    public List<OneTimeCode> unused(long customerId, CodePurpose purpose, String subject) {
        return em.createQuery("SELECT c FROM OneTimeCode c WHERE c.customerId = :c AND c.purpose = :p"
                        + " AND c.subject = :s AND c.usedAt IS NULL", OneTimeCode.class)
                .setParameter("c", customerId).setParameter("p", purpose).setParameter("s", subject == null ? "" : subject)
                .getResultList();
    }
}
