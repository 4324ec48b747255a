package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.ledger.JournalEntry;
import org.triad.bank.domain.model.ledger.JournalRepository;
import org.triad.bank.domain.model.ledger.Posting;

@ApplicationScoped
public class JpaJournalRepository implements JournalRepository {

    private static final String CARD_POSTINGS = " FROM Posting p WHERE p.cardId IN :cards"
            + " AND p.entry.createdAt >= :from AND p.entry.createdAt < :to";
    private static final String ALL_CARD_POSTINGS = " FROM Posting p WHERE p.cardId IS NOT NULL"
            + " AND p.entry.createdAt >= :from AND p.entry.createdAt < :to";
    // The type filter is added to the statement, not tested as "? IS NULL": H2 cannot type an unbound null.
    private static final String TYPE_FILTER = " AND p.entry.type = :type";
    private static final Instant MIN = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9000-01-01T00:00:00Z");

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(JournalEntry entry) {
        em.persist(entry);
    }

    @Override
    public Optional<JournalEntry> findByIdempotencyKey(long initiatorId, String idempotencyKey) {
        return em.createQuery("SELECT e FROM JournalEntry e WHERE e.initiatorId = :i AND e.idempotencyKey = :k",
                        JournalEntry.class)
                .setParameter("i", initiatorId).setParameter("k", idempotencyKey)
                .getResultStream().findFirst();
    }

    @Override
    public List<Posting> cardPostings(List<Long> cardIds, Instant from, Instant to, EntryType type, int offset,
                                      int limit) {
        if (cardIds != null && cardIds.isEmpty()) {
            return List.of();
        }
        TypedQuery<Posting> q = em.createQuery("SELECT p" + (cardIds == null ? ALL_CARD_POSTINGS : CARD_POSTINGS) + (type == null ? "" : TYPE_FILTER)
                + " ORDER BY p.entry.createdAt DESC, p.id DESC", Posting.class);
        bind(q, cardIds, from, to, type);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countCardPostings(List<Long> cardIds, Instant from, Instant to, EntryType type) {
        if (cardIds != null && cardIds.isEmpty()) {
            return 0;
        }
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(p)" + (cardIds == null ? ALL_CARD_POSTINGS : CARD_POSTINGS)
                + (type == null ? "" : TYPE_FILTER), Long.class);
        bind(q, cardIds, from, to, type);
        return q.getSingleResult();
    }

    private static void bind(TypedQuery<?> q, List<Long> cardIds, Instant from, Instant to, EntryType type) {
        if (cardIds != null) {
            q.setParameter("cards", cardIds);
        }
        q.setParameter("from", from == null ? MIN : from)
                .setParameter("to", to == null ? MAX : to);
        if (type != null) {
            q.setParameter("type", type);
        }
    }

    @Override
    public List<Posting> postingsOfEntries(List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Posting p WHERE p.entry.id IN :ids", Posting.class)
                .setParameter("ids", entryIds).getResultList();
    }
}
