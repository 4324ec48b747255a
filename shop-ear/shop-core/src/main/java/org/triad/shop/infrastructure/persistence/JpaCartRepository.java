package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.shop.domain.model.cart.CartLine;
import org.triad.shop.domain.model.cart.CartRepository;

@ApplicationScoped
public class JpaCartRepository implements CartRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public List<CartLine> lines(String owner) {
        return em.createQuery("SELECT l FROM CartLine l WHERE l.owner = :o ORDER BY l.addedAt, l.id", CartLine.class)
                .setParameter("o", owner).getResultList();
    }

    @Override
    public Optional<CartLine> line(String owner, long itemId, String options) {
        return em.createQuery("SELECT l FROM CartLine l WHERE l.owner = :o AND l.itemId = :i AND l.options = :p",
                CartLine.class).setParameter("o", owner).setParameter("i", itemId)
                .setParameter("p", options == null ? "" : options).getResultStream().findFirst();
    }

    @Override
    public Optional<CartLine> line(String owner, long lineId) {
        CartLine line = em.find(CartLine.class, lineId);
        return line != null && line.owner().equals(owner) ? Optional.of(line) : Optional.empty();
    }

    @Override
    public void add(CartLine line) {
        em.persist(line);
    }

    @Override
    public void remove(CartLine line) {
        em.remove(line);
    }

    @Override
    public int purgeAnonymous(Instant before) {
        return em.createQuery("DELETE FROM CartLine l WHERE l.owner LIKE 'a:%' AND l.updatedAt < :t")
                .setParameter("t", before).executeUpdate();
    }
}
