package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triad.shop.domain.model.rating.Rating;
import org.triad.shop.domain.model.rating.RatingImage;
import org.triad.shop.domain.model.rating.RatingRepository;
import org.triad.shop.domain.model.rating.RatingSummary;
import org.triad.shop.domain.model.shared.ShopRuleException;

@ApplicationScoped
public class JpaRatingRepository implements RatingRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public void add(Rating rating) {
        em.persist(rating);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // uq_rating_order_line: another transaction rated the line between our check and this insert
            throw new ShopRuleException("rating-exists", 409, null, "This order line has been rated already.");
        }
    }

    @Override
    public void add(RatingImage image) {
        em.persist(image);
    }

    @Override
    public Optional<Rating> find(long id) {
        return Optional.ofNullable(em.find(Rating.class, id));
    }

    @Override
    public Optional<Rating> lock(long id) {
        return Optional.ofNullable(em.find(Rating.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Rating> ofLine(long orderLineId) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.orderLineId = :l", Rating.class)
                .setParameter("l", orderLineId).getResultStream().findFirst();
    }

    @Override
    public List<Rating> ofOrder(long orderId) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.orderId = :o", Rating.class).setParameter("o", orderId)
                .getResultList();
    }

    @Override
    public List<Rating> ofItem(long itemId, int first, int max) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.itemId = :i ORDER BY r.createdAt DESC, r.id DESC",
                Rating.class).setParameter("i", itemId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countOfItem(long itemId) {
        return em.createQuery("SELECT COUNT(r) FROM Rating r WHERE r.itemId = :i", Long.class)
                .setParameter("i", itemId).getSingleResult();
    }

    @Override
    public List<Rating> ofSeller(long sellerId, boolean unansweredOnly, int first, int max) {
        return em.createQuery("SELECT r FROM Rating r WHERE r.sellerId = :s"
                        + (unansweredOnly ? " AND r.answer IS NULL" : "") + " ORDER BY r.createdAt DESC, r.id DESC",
                Rating.class).setParameter("s", sellerId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countOfSeller(long sellerId, boolean unansweredOnly) {
        return em.createQuery("SELECT COUNT(r) FROM Rating r WHERE r.sellerId = :s"
                + (unansweredOnly ? " AND r.answer IS NULL" : ""), Long.class).setParameter("s", sellerId)
                .getSingleResult();
    }

    @Override
    public RatingSummary summaryOfItem(long itemId) {
        return summary("r.itemId", itemId);
    }

    @Override
    public RatingSummary summaryOfSeller(long sellerId) {
        return summary("r.sellerId", sellerId);
    }

    private RatingSummary summary(String column, long id) {
        long[] perStar = new long[6];
        for (Object[] row : em.createQuery("SELECT r.stars, COUNT(r) FROM Rating r WHERE " + column
                + " = :id GROUP BY r.stars", Object[].class).setParameter("id", id).getResultList()) {
            int stars = ((Number) row[0]).intValue();
            if (stars >= 1 && stars <= 5) {
                perStar[stars] = ((Number) row[1]).longValue();
            }
        }
        return RatingSummary.of(perStar);
    }

    @Override
    public Map<Long, List<Long>> imageIds(Collection<Long> ratingIds) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (ratingIds.isEmpty()) {
            return out;
        }
        for (Object[] row : em.createQuery("SELECT i.ratingId, i.id FROM RatingImage i WHERE i.ratingId IN :r"
                + " ORDER BY i.ratingId, i.position", Object[].class).setParameter("r", ratingIds).getResultList()) {
            out.computeIfAbsent((Long) row[0], k -> new java.util.ArrayList<>()).add((Long) row[1]);
        }
        return out;
    }

    @Override
    public int countImages(long ratingId) {
        return em.createQuery("SELECT COUNT(i) FROM RatingImage i WHERE i.ratingId = :r", Long.class)
                .setParameter("r", ratingId).getSingleResult().intValue();
    }

    @Override
    public Optional<RatingImage> image(long imageId) {
        return Optional.ofNullable(em.find(RatingImage.class, imageId));
    }
}
