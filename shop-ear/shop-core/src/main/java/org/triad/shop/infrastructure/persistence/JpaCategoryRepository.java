package org.triad.shop.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.triad.shop.domain.model.category.Category;
import org.triad.shop.domain.model.category.CategoryRepository;

@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    @Override
    public Optional<Category> find(long id) {
        return Optional.ofNullable(em.find(Category.class, id));
    }

    @Override
    public List<Category> all() {
        List<Category> rows = em.createQuery("SELECT c FROM Category c", Category.class).getResultList();
        List<Category> ordered = new ArrayList<>();
        addChildren(rows, null, ordered);
        return ordered;
    }

    private static void addChildren(List<Category> rows, Long parent, List<Category> out) {
        rows.stream().filter(c -> java.util.Objects.equals(c.parentId(), parent))
                .sorted(Comparator.comparingInt(Category::position).thenComparing(Category::slug))
                .forEach(c -> {
                    out.add(c);
                    addChildren(rows, c.id(), out);
                });
    }

    @Override
    public void add(Category category) {
        em.persist(category);
    }
}
