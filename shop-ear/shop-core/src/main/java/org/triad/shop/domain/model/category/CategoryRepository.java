package org.triad.shop.domain.model.category;

import java.util.List;
import java.util.Optional;

public interface CategoryRepository {

    Optional<Category> find(long id);

    /** All categories, parents before children, each level by position. */
    List<Category> all();

    void add(Category category);
}
