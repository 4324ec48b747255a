package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.item.ItemStatus;

@ApplicationScoped
public class JpaItemRepository implements ItemRepository {

    /** Published, open for sale, seller not banned: the one definition of what buyers may see. */
    private static final String VISIBLE = "i.pubTitle IS NOT NULL AND i.onSale = TRUE AND EXISTS "
            + "(SELECT u FROM ShopUser u WHERE u.id = i.sellerId AND u.bannedAt IS NULL)";

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public Optional<Item> find(long id) {
        return Optional.ofNullable(em.find(Item.class, id));
    }

    @Override
    public Optional<Item> lock(long id) {
        return Optional.ofNullable(em.find(Item.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(Item item) {
        em.persist(item);
    }

    @Override
    public List<Item> ofSeller(long sellerId, int first, int max) {
        return em.createQuery("SELECT i FROM Item i WHERE i.sellerId = :s ORDER BY i.updatedAt DESC", Item.class)
                .setParameter("s", sellerId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public List<Item> inReview(int first, int max) {
        return em.createQuery("SELECT i FROM Item i WHERE i.status = :s ORDER BY i.submittedAt", Item.class)
                .setParameter("s", ItemStatus.IN_REVIEW).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countInReview() {
        return em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.status = :s", Long.class)
                .setParameter("s", ItemStatus.IN_REVIEW).getSingleResult();
    }

    @Override
    public List<Item> visible(List<Long> categoryIds, int first, int max) {
        TypedQuery<Item> q = em.createQuery("SELECT i FROM Item i WHERE " + VISIBLE
                + (categoryIds == null ? "" : " AND i.pubCategoryId IN :c") + " ORDER BY i.publishedAt DESC", Item.class);
        if (categoryIds != null) {
            q.setParameter("c", categoryIds.isEmpty() ? List.of(-1L) : categoryIds);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countVisible(List<Long> categoryIds) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(i) FROM Item i WHERE " + VISIBLE
                + (categoryIds == null ? "" : " AND i.pubCategoryId IN :c"), Long.class);
        if (categoryIds != null) {
            q.setParameter("c", categoryIds.isEmpty() ? List.of(-1L) : categoryIds);
        }
        return q.getSingleResult();
    }

    @Override
    public boolean isVisible(long itemId) {
        return em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.id = :id AND " + VISIBLE, Long.class)
                .setParameter("id", itemId).getSingleResult() > 0;
    }

    @Override
    public long countOfSeller(long sellerId, ItemStatus status) {
        return em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.sellerId = :s AND i.status = :st", Long.class)
                .setParameter("s", sellerId).setParameter("st", status).getSingleResult();
    }

    @Override
    public List<ItemImage> images(long itemId) {
        return em.createQuery("SELECT m FROM ItemImage m WHERE m.itemId = :i ORDER BY m.position, m.id", ItemImage.class)
                .setParameter("i", itemId).getResultList();
    }

    @Override
    public Optional<ItemImage> image(long imageId) {
        return Optional.ofNullable(em.find(ItemImage.class, imageId));
    }

    @Override
    public void add(ItemImage image) {
        em.persist(image);
    }

    @Override
    public void delete(ItemImage image) {
        em.remove(image);
    }

    @Override
    public void touchSeller(long sellerId, java.time.Instant now) {
        em.flush();
        em.createQuery("UPDATE Item i SET i.updatedAt = :now WHERE i.sellerId = :s").setParameter("now", now)
                .setParameter("s", sellerId).executeUpdate();
    }

    @Override
    public void touchCategories(java.util.Collection<Long> categoryIds, java.time.Instant now) {
        if (categoryIds.isEmpty()) {
            return;
        }
        em.flush();
        em.createQuery("UPDATE Item i SET i.updatedAt = :now WHERE i.pubCategoryId IN :c").setParameter("now", now)
                .setParameter("c", categoryIds).executeUpdate();
    }
}
