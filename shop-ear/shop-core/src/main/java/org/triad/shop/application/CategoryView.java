package org.triad.shop.application;

import java.io.Serializable;
import java.util.Locale;
import org.triad.shop.domain.model.category.Category;

/** A category with its depth in the tree (0 = top level). */
public record CategoryView(long id, Long parentId, String slug, String nameEn, String nameZh, int depth)
        implements Serializable {

    static CategoryView of(Category c, int depth) {
        return new CategoryView(c.id(), c.parentId(), c.slug(), c.nameEn(), c.nameZh(), depth);
    }

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
