package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.outbox.DeliveryAttempt;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.outbox.OutboxRepository;
import org.triad.bank.domain.model.outbox.OutboxStatus;

@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(OutboxMessage message) {
        em.persist(message);
    }

    @Override
    public void add(DeliveryAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(em.find(OutboxMessage.class, id));
    }

    @Override
    public Optional<OutboxMessage> findByEventId(String eventId) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.eventId = :e", OutboxMessage.class)
                .setParameter("e", eventId).getResultStream().findFirst();
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.status = :pending AND m.nextAttemptAt <= :now"
                        + " AND (m.leaseUntil IS NULL OR m.leaseUntil < :now) ORDER BY m.nextAttemptAt", Long.class)
                .setParameter("pending", OutboxStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public boolean claim(long id, String owner, Instant now, Instant until) {
        // a conditional UPDATE takes the row lock and re-checks the condition under it: of two relays racing for
        // the same row the second finds the lease taken and updates nothing (works the same on MariaDB and H2,
        // unlike SELECT ... FOR UPDATE SKIP LOCKED)
        // (native, with the same Timestamp mapping as InstantConverter: bulk JPQL would bypass the converter)
        return em.createNativeQuery("UPDATE outbox_message SET lease_owner = ?, lease_until = ?"
                        + " WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until < ?)")
                .setParameter(1, owner).setParameter(2, Timestamp.from(until)).setParameter(3, id)
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    @Override
    public List<OutboxMessage> list(Collection<OutboxStatus> statuses, OutboxKind kind, int limit) {
        var q = em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status IN :statuses"
                + (kind == null ? "" : " AND m.kind = :kind") + " ORDER BY m.createdAt DESC, m.id DESC",
                OutboxMessage.class).setParameter("statuses", statuses);
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<DeliveryAttempt> attempts(long messageId) {
        return em.createQuery("SELECT a FROM DeliveryAttempt a WHERE a.messageId = :m ORDER BY a.number",
                DeliveryAttempt.class).setParameter("m", messageId).getResultList();
    }
}
