package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditHead;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.audit.AuditQuery;
import org.triad.ca.domain.model.audit.AuditRecord;
import org.triad.ca.domain.model.audit.ChainVerification;

/**
 * The CA's tamper-evident audit log. {@link #record} joins the caller's transaction, so a
 * success is logged exactly when the audited change commits; {@link #recordInOwnTransaction} writes in a
 * transaction of its own and is called after the failed one rolled back.
 */
@Stateless
public class AuditLog {

    private static final int VERIFY_BATCH = 500;

    @PersistenceContext(unitName = "ca")
    EntityManager em;

    public AuditRecord record(String actor, AuditAction action, String subject, AuditOutcome outcome, String detail) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditRecord record = head.append(Instant.now(), actor == null ? "anonymous" : actor, action, subject,
                outcome, detail);
        em.persist(record);
        return record;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditRecord recordInOwnTransaction(String actor, AuditAction action, String subject, AuditOutcome outcome,
                                     String detail) {
        return record(actor, action, subject, outcome, detail);
    }

    /** Newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditRecord> search(AuditQuery query, int first, int max) {
        TypedQuery<AuditRecord> q = build(query, "SELECT a FROM AuditRecord a", " ORDER BY a.seq DESC",
                AuditRecord.class);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(AuditQuery query) {
        return build(query, "SELECT COUNT(a) FROM AuditRecord a", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> build(AuditQuery query, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            jpql.append(" AND a.actor = :actor");
            params.put("actor", query.actor().trim());
        }
        if (query.action() != null) {
            jpql.append(" AND a.action = :action");
            params.put("action", query.action());
        }
        if (query.subject() != null && !query.subject().isBlank()) {
            jpql.append(" AND LOWER(a.subject) LIKE :subject");
            params.put("subject", "%" + query.subject().trim().toLowerCase() + "%");
        }
        if (query.from() != null) {
            jpql.append(" AND a.occurredAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            jpql.append(" AND a.occurredAt < :to");
            params.put("to", query.to());
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        params.forEach(q::setParameter);
        return q;
    }

    /**
     * Re-computes every record's hash in order and checks that each names its predecessor and that
     * the head names the last one: an edited, inserted or deleted record is reported.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ChainVerification verifyChain() {
        List<String> problems = new ArrayList<>();
        String expectedPrev = AuditRecord.GENESIS_HASH;
        long expectedSeq = 1;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditRecord> batch = em.createQuery(
                            "SELECT a FROM AuditRecord a WHERE a.seq > :after ORDER BY a.seq", AuditRecord.class)
                    .setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditRecord r : batch) {
                if (r.seq() != expectedSeq) {
                    problems.add("records " + expectedSeq + ".." + (r.seq() - 1) + " are missing");
                }
                if (!r.prevHash().equals(expectedPrev)) {
                    problems.add("record " + r.seq() + " does not follow the record before it");
                }
                if (!r.hash().equals(r.computeHash())) {
                    problems.add("record " + r.seq() + " was altered (its hash does not match its content)");
                }
                expectedPrev = r.hash();
                expectedSeq = r.seq() + 1;
                after = r.seq();
                checked++;
            }
            em.clear();
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(expectedPrev)) {
            problems.add("the log ends at record " + (expectedSeq - 1) + " but its head names record "
                    + head.lastSeq() + ": records were removed from the end");
        }
        return new ChainVerification(problems.isEmpty(), checked, List.copyOf(problems));
    }
}
