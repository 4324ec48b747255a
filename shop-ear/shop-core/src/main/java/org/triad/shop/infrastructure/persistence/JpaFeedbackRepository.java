package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.feedback.Feedback;
import org.triad.shop.domain.model.feedback.FeedbackRepository;

@ApplicationScoped
public class JpaFeedbackRepository implements FeedbackRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public void add(Feedback feedback) {
        em.persist(feedback);
    }

    @Override
    public List<Feedback> newest(int first, int max) {
        return em.createQuery("SELECT f FROM Feedback f ORDER BY f.createdAt DESC, f.id DESC", Feedback.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(f) FROM Feedback f", Long.class).getSingleResult();
    }

    @Override
    public long countBySenderSince(String senderKey, Instant since) {
        return em.createQuery("SELECT COUNT(f) FROM Feedback f WHERE f.senderKey = :k AND f.createdAt >= :t",
                Long.class).setParameter("k", senderKey).setParameter("t", since).getSingleResult();
    }
}
