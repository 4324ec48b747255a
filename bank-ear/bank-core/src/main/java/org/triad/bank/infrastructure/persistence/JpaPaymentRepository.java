package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.payment.CardReference;
import org.triad.bank.domain.model.payment.Merchant;
import org.triad.bank.domain.model.payment.MerchantStatus;
import org.triad.bank.domain.model.payment.Payment;
import org.triad.bank.domain.model.payment.PaymentRepository;
import org.triad.bank.domain.model.payment.PaymentStatus;
import org.triad.bank.domain.model.payment.Refund;

@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

    private static final Instant MIN = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9000-01-01T00:00:00Z");

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(Payment payment) {
        em.persist(payment);
    }

    @Override
    public Optional<Payment> findByPublicId(String publicId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.publicId = :id", Payment.class)
                .setParameter("id", publicId).getResultStream().findFirst();
    }

    @Override
    public Optional<Payment> lockByPublicId(String publicId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.publicId = :id", Payment.class)
                .setParameter("id", publicId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .map(p -> {
                    em.refresh(p); // the row as committed by whoever held the lock before
                    return p;
                });
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(long merchantId, String idempotencyKey) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.merchantId = :m AND p.idempotencyKey = :k",
                        Payment.class)
                .setParameter("m", merchantId).setParameter("k", idempotencyKey).getResultStream().findFirst();
    }

    @Override
    public List<Payment> search(Long merchantId, String merchantOrderId, PaymentStatus status, Long customerId,
                                Instant from, Instant to, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT DISTINCT p FROM Payment p LEFT JOIN p.lines l"
                + " WHERE p.createdAt >= :from AND p.createdAt < :to");
        // filters are added to the statement, not tested as ":x IS NULL" (H2 cannot type an unbound null)
        if (merchantId != null) {
            jpql.append(" AND p.merchantId = :merchant");
        }
        if (merchantOrderId != null) {
            jpql.append(" AND l.merchantOrderId = :order");
        }
        if (status != null) {
            jpql.append(" AND p.status = :status");
        }
        if (customerId != null) {
            jpql.append(" AND (p.payerId = :customer OR p.buyerId = :customer)");
        }
        jpql.append(" ORDER BY p.createdAt DESC, p.id DESC");
        TypedQuery<Payment> q = em.createQuery(jpql.toString(), Payment.class)
                .setParameter("from", from == null ? MIN : from).setParameter("to", to == null ? MAX : to);
        if (merchantId != null) {
            q.setParameter("merchant", merchantId);
        }
        if (merchantOrderId != null) {
            q.setParameter("order", merchantOrderId);
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<String> dueForExpiry(Instant now, int limit) {
        return em.createQuery("SELECT p.publicId FROM Payment p WHERE p.status = :s AND p.expiresAt <= :now"
                        + " ORDER BY p.expiresAt", String.class)
                .setParameter("s", PaymentStatus.CREATED).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void addRefund(Refund refund) {
        em.persist(refund);
    }

    @Override
    public Optional<Refund> findRefund(long paymentId, String idempotencyKey) {
        return em.createQuery("SELECT r FROM Refund r WHERE r.paymentId = :p AND r.idempotencyKey = :k", Refund.class)
                .setParameter("p", paymentId).setParameter("k", idempotencyKey).getResultStream().findFirst();
    }

    @Override
    public List<Refund> refundsOf(long paymentId) {
        return em.createQuery("SELECT r FROM Refund r WHERE r.paymentId = :p ORDER BY r.createdAt, r.id", Refund.class)
                .setParameter("p", paymentId).getResultList();
    }

    @Override
    public Optional<Merchant> merchantOfClient(String clientId) {
        return em.createQuery("SELECT m FROM Merchant m WHERE m.clientId = :c", Merchant.class)
                .setParameter("c", clientId).getResultStream().findFirst();
    }

    @Override
    public Optional<Merchant> merchant(long id) {
        return Optional.ofNullable(em.find(Merchant.class, id));
    }

    @Override
    public List<Merchant> merchants(MerchantStatus status) {
        return em.createQuery("SELECT m FROM Merchant m WHERE m.status = :s ORDER BY m.updatedAt", Merchant.class)
                .setParameter("s", status).getResultList();
    }

    @Override
    public void addMerchant(Merchant merchant) {
        em.persist(merchant);
    }

    @Override
    public Optional<CardReference> cardReference(String clientId, long cardId) {
        return em.createQuery("SELECT r FROM CardReference r WHERE r.clientId = :c AND r.cardId = :card",
                        CardReference.class)
                .setParameter("c", clientId).setParameter("card", cardId).getResultStream().findFirst();
    }

    @Override
    public Optional<CardReference> cardReferenceByRef(String ref) {
        return em.createQuery("SELECT r FROM CardReference r WHERE r.ref = :r", CardReference.class)
                .setParameter("r", ref).getResultStream().findFirst();
    }

    @Override
    public void addCardReference(CardReference reference) {
        em.persist(reference);
    }

    @Override
    public Optional<String> merchantNameFor(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String jpql = reference.startsWith("re_")
                ? "SELECT m.displayName FROM Refund r, Payment p, Merchant m WHERE r.publicId = :ref"
                + " AND p.id = r.paymentId AND m.id = p.merchantId"
                : "SELECT m.displayName FROM Payment p, Merchant m WHERE p.publicId = :ref AND m.id = p.merchantId";
        return em.createQuery(jpql, String.class).setParameter("ref", reference).getResultStream().findFirst();
    }
}
