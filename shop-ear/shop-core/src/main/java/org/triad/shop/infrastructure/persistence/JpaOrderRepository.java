package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.triad.shop.domain.model.order.BankEvent;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.CheckoutStatus;
import org.triad.shop.domain.model.order.OrderEvent;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.RefundRequest;
import org.triad.shop.domain.model.order.RefundStatus;
import org.triad.shop.domain.model.order.ShopOrder;

@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void add(Checkout checkout) {
        em.persist(checkout);
    }

    @Override
    public Optional<Checkout> checkout(long id) {
        return Optional.ofNullable(em.find(Checkout.class, id));
    }

    @Override
    public Optional<Checkout> lockCheckout(long id) {
        return Optional.ofNullable(em.find(Checkout.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Checkout> checkoutByPayment(String paymentId) {
        return em.createQuery("SELECT c FROM Checkout c WHERE c.paymentId = :p", Checkout.class)
                .setParameter("p", paymentId).getResultStream().findFirst();
    }

    @Override
    public List<Checkout> openPast(Instant before, int max) {
        return em.createQuery("SELECT c FROM Checkout c WHERE c.status = :s AND c.holdUntil < :t ORDER BY c.holdUntil",
                Checkout.class).setParameter("s", CheckoutStatus.OPEN).setParameter("t", before).setMaxResults(max)
                .getResultList();
    }

    @Override
    public void add(ShopOrder order) {
        em.persist(order);
    }

    @Override
    public void add(OrderLine line) {
        em.persist(line);
    }

    @Override
    public void add(OrderEvent event) {
        em.persist(event);
    }

    @Override
    public Optional<ShopOrder> order(long id) {
        return Optional.ofNullable(em.find(ShopOrder.class, id));
    }

    @Override
    public Optional<ShopOrder> lockOrder(long id) {
        return Optional.ofNullable(em.find(ShopOrder.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ShopOrder> ofCheckout(long checkoutId) {
        return em.createQuery("SELECT o FROM ShopOrder o WHERE o.checkoutId = :c ORDER BY o.id", ShopOrder.class)
                .setParameter("c", checkoutId).getResultList();
    }

    @Override
    public List<OrderLine> lines(long orderId) {
        return em.createQuery("SELECT l FROM OrderLine l WHERE l.orderId = :o ORDER BY l.position", OrderLine.class)
                .setParameter("o", orderId).getResultList();
    }

    @Override
    public List<OrderLine> lines(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT l FROM OrderLine l WHERE l.orderId IN :o ORDER BY l.orderId, l.position",
                OrderLine.class).setParameter("o", orderIds).getResultList();
    }

    @Override
    public List<OrderEvent> timeline(long orderId) {
        return em.createQuery("SELECT e FROM OrderEvent e WHERE e.orderId = :o ORDER BY e.at, e.id", OrderEvent.class)
                .setParameter("o", orderId).getResultList();
    }

    private <T> TypedQuery<T> filtered(String select, Class<T> type, Long buyerId, Long sellerId,
                                       Collection<OrderStatus> statuses, Instant from, Instant to, String order) {
        StringBuilder q = new StringBuilder(select).append(" FROM ShopOrder o WHERE 1 = 1");
        if (buyerId != null) {
            q.append(" AND o.buyerId = :b");
        }
        if (sellerId != null) {
            q.append(" AND o.sellerId = :s");
        }
        if (statuses != null && !statuses.isEmpty()) {
            q.append(" AND o.status IN :st");
        }
        if (from != null) {
            q.append(" AND o.createdAt >= :from");
        }
        if (to != null) {
            q.append(" AND o.createdAt < :to");
        }
        q.append(order);
        TypedQuery<T> query = em.createQuery(q.toString(), type);
        if (buyerId != null) {
            query.setParameter("b", buyerId);
        }
        if (sellerId != null) {
            query.setParameter("s", sellerId);
        }
        if (statuses != null && !statuses.isEmpty()) {
            query.setParameter("st", statuses);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    @Override
    public List<ShopOrder> find(Long buyerId, Long sellerId, Collection<OrderStatus> statuses, Instant from,
                                Instant to, int first, int max) {
        return filtered("SELECT o", ShopOrder.class, buyerId, sellerId, statuses, from, to,
                " ORDER BY o.createdAt DESC, o.id DESC").setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count(Long buyerId, Long sellerId, Collection<OrderStatus> statuses, Instant from, Instant to) {
        return filtered("SELECT COUNT(o)", Long.class, buyerId, sellerId, statuses, from, to, "").getSingleResult();
    }

    @Override
    public List<ShopOrder> shippedBefore(Instant before, int max) {
        return em.createQuery("SELECT o FROM ShopOrder o WHERE o.status IN :st AND o.shippedAt < :t ORDER BY o.shippedAt",
                ShopOrder.class).setParameter("st", List.of(OrderStatus.SHIPPED, OrderStatus.PARTIALLY_REFUNDED))
                .setParameter("t", before).setMaxResults(max).getResultList();
    }

    @Override
    public List<ShopOrder> changedSince(Instant since, int max) {
        return em.createQuery("SELECT o FROM ShopOrder o WHERE o.updatedAt >= :t ORDER BY o.updatedAt", ShopOrder.class)
                .setParameter("t", since).setMaxResults(max).getResultList();
    }

    @Override
    public void add(RefundRequest request) {
        em.persist(request);
    }

    @Override
    public Optional<RefundRequest> refund(long id) {
        return Optional.ofNullable(em.find(RefundRequest.class, id));
    }

    @Override
    public List<RefundRequest> refunds(long orderId) {
        return em.createQuery("SELECT r FROM RefundRequest r WHERE r.orderId = :o ORDER BY r.createdAt",
                RefundRequest.class).setParameter("o", orderId).getResultList();
    }

    @Override
    public List<RefundRequest> refundsIn(Collection<RefundStatus> statuses, Long sellerId, int first, int max) {
        String q = "SELECT r FROM RefundRequest r WHERE r.status IN :st"
                + (sellerId == null ? "" : " AND EXISTS (SELECT o FROM ShopOrder o WHERE o.id = r.orderId AND o.sellerId = :s)")
                + " ORDER BY r.createdAt";
        TypedQuery<RefundRequest> query = em.createQuery(q, RefundRequest.class).setParameter("st", statuses);
        if (sellerId != null) {
            query.setParameter("s", sellerId);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public boolean hasEvent(String eventId) {
        return em.find(BankEvent.class, eventId) != null;
    }

    @Override
    public void add(BankEvent event) {
        em.persist(event);
    }

    @Override
    public boolean reserve(long itemId, int quantity, Instant now) {
        em.flush();
        return em.createQuery("UPDATE Item i SET i.stock = i.stock - :q, i.updatedAt = :now, i.version = i.version + 1"
                        + " WHERE i.id = :id AND i.stock >= :q AND i.pubTitle IS NOT NULL AND i.onSale = TRUE"
                        + " AND EXISTS (SELECT u FROM ShopUser u WHERE u.id = i.sellerId AND u.bannedAt IS NULL)")
                .setParameter("q", quantity).setParameter("now", now).setParameter("id", itemId)
                .executeUpdate() == 1;
    }

    @Override
    public void release(long itemId, int quantity, Instant now) {
        em.flush();
        em.createQuery("UPDATE Item i SET i.stock = i.stock + :q, i.updatedAt = :now, i.version = i.version + 1"
                        + " WHERE i.id = :id").setParameter("q", quantity).setParameter("now", now)
                .setParameter("id", itemId).executeUpdate();
    }
}
