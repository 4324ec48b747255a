package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.triad.shop.domain.model.flash.FlashClaim;
import org.triad.shop.domain.model.flash.FlashClaimStatus;
import org.triad.shop.domain.model.flash.FlashSale;
import org.triad.shop.domain.model.flash.FlashSaleRepository;
import org.triad.shop.domain.model.flash.FlashSaleStatus;
import org.triad.shop.domain.model.order.CheckoutStatus;

@ApplicationScoped
public class JpaFlashSaleRepository implements FlashSaleRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public void add(FlashSale sale) {
        em.persist(sale);
    }

    @Override
    public void add(FlashClaim claim) {
        em.persist(claim);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Optional<FlashSale> sale(long id) {
        return Optional.ofNullable(em.find(FlashSale.class, id));
    }

    @Override
    public Optional<FlashSale> lockSale(long id) {
        em.flush();
        return Optional.ofNullable(em.find(FlashSale.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<FlashSale> current(Instant now, int max) {
        return em.createQuery("SELECT s FROM FlashSale s WHERE s.status = :st AND s.endsAt > :now ORDER BY s.startsAt",
                FlashSale.class).setParameter("st", FlashSaleStatus.SCHEDULED).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    @Override
    public List<FlashSale> all(int first, int max) {
        return em.createQuery("SELECT s FROM FlashSale s ORDER BY s.startsAt DESC, s.id DESC", FlashSale.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public List<FlashSale> endedOpen(Instant now, int max) {
        return em.createQuery("SELECT s FROM FlashSale s WHERE s.status = :st AND s.endsAt <= :now ORDER BY s.endsAt",
                FlashSale.class).setParameter("st", FlashSaleStatus.SCHEDULED).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    @Override
    public Optional<FlashClaim> claim(long id) {
        return Optional.ofNullable(em.find(FlashClaim.class, id));
    }

    @Override
    public Optional<FlashClaim> liveClaim(long saleId, long buyerId) {
        return em.createQuery("SELECT c FROM FlashClaim c WHERE c.saleId = :s AND c.holderId = :b", FlashClaim.class)
                .setParameter("s", saleId).setParameter("b", buyerId).getResultStream().findFirst();
    }

    @Override
    public List<FlashClaim> claimsOf(long buyerId, int max) {
        return em.createQuery("SELECT c FROM FlashClaim c WHERE c.buyerId = :b ORDER BY c.createdAt DESC",
                FlashClaim.class).setParameter("b", buyerId).setMaxResults(max).getResultList();
    }

    @Override
    public List<FlashClaim> lapsed(Instant now, int max) {
        return em.createQuery("SELECT c FROM FlashClaim c WHERE c.status = :st AND c.holdUntil < :now"
                + " ORDER BY c.holdUntil", FlashClaim.class).setParameter("st", FlashClaimStatus.CLAIMED)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    @Override
    public boolean take(long saleId, Instant now) {
        em.flush();
        return em.createQuery("UPDATE FlashSale s SET s.remaining = s.remaining - 1 WHERE s.id = :id"
                        + " AND s.remaining > 0 AND s.status = :st AND s.startsAt <= :now AND s.endsAt > :now")
                .setParameter("id", saleId).setParameter("st", FlashSaleStatus.SCHEDULED).setParameter("now", now)
                .executeUpdate() == 1;
    }

    @Override
    public boolean giveBack(long saleId) {
        em.flush();
        return em.createQuery("UPDATE FlashSale s SET s.remaining = s.remaining + 1 WHERE s.id = :id"
                        + " AND s.status = :st AND s.remaining < s.units")
                .setParameter("id", saleId).setParameter("st", FlashSaleStatus.SCHEDULED).executeUpdate() == 1;
    }

    @Override
    public boolean ordered(long claimId, long checkoutId, Instant now) {
        em.flush();
        return em.createQuery("UPDATE FlashClaim c SET c.status = :to, c.checkoutId = :k WHERE c.id = :id"
                        + " AND c.status = :from AND c.holdUntil > :now")
                .setParameter("to", FlashClaimStatus.ORDERED).setParameter("k", checkoutId).setParameter("id", claimId)
                .setParameter("from", FlashClaimStatus.CLAIMED).setParameter("now", now).executeUpdate() == 1;
    }

    @Override
    public boolean release(long claimId, FlashClaimStatus from, Instant now) {
        em.flush();
        return em.createQuery("UPDATE FlashClaim c SET c.status = :to, c.holderId = NULL, c.releasedAt = :now"
                        + " WHERE c.id = :id AND c.status = :from")
                .setParameter("to", FlashClaimStatus.RELEASED).setParameter("now", now).setParameter("id", claimId)
                .setParameter("from", from).executeUpdate() == 1;
    }

    @Override
    public boolean close(long saleId, FlashSaleStatus to, Instant now) {
        em.flush();
        return em.createQuery("UPDATE FlashSale s SET s.status = :to, s.remaining = 0, s.closedAt = :now,"
                        + " s.version = s.version + 1 WHERE s.id = :id AND s.status = :from")
                .setParameter("to", to).setParameter("now", now).setParameter("id", saleId)
                .setParameter("from", FlashSaleStatus.SCHEDULED).executeUpdate() == 1;
    }

    @Override
    public Map<String, Long> claimCounts(long saleId) {
        Map<String, Long> counts = new TreeMap<>();
        for (FlashClaimStatus s : FlashClaimStatus.values()) {
            counts.put(s.name(), 0L);
        }
        for (Object[] row : em.createQuery("SELECT c.status, COUNT(c) FROM FlashClaim c WHERE c.saleId = :s"
                + " GROUP BY c.status", Object[].class).setParameter("s", saleId).getResultList()) {
            counts.put(((FlashClaimStatus) row[0]).name(), (Long) row[1]);
        }
        counts.put("PAID", em.createQuery("SELECT COUNT(c) FROM FlashClaim c, Checkout k WHERE c.saleId = :s"
                        + " AND k.id = c.checkoutId AND k.status = :paid", Long.class).setParameter("s", saleId)
                .setParameter("paid", CheckoutStatus.PAID).getSingleResult());
        return counts;
    }
}
