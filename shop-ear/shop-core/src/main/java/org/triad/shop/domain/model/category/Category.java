package org.triad.shop.domain.model.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** A node of the category tree; {@code parentId} null for a top-level category. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private long id;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private String slug;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(nullable = false)
    private int position;

    protected Category() {
    }

    public Category(Long parentId, String slug, String nameEn, String nameZh, int position) {
        this.id = Ids.next();
        this.parentId = parentId;
        if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw ShopRuleException.invalid("slug", "A slug is 1 to 64 lower-case letters, digits and dashes.");
        }
        this.slug = slug;
        this.position = position;
        rename(nameEn, nameZh);
    }

    public void rename(String nameEn, String nameZh) {
        this.nameEn = name(nameEn, "nameEn");
        this.nameZh = name(nameZh, "nameZh");
    }

    private static String name(String value, String field) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 100) {
            throw ShopRuleException.invalid(field, "A category name has 1 to 100 characters.");
        }
        return v;
    }

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public long id() {
        return id;
    }

    public Long parentId() {
        return parentId;
    }

    public String slug() {
        return slug;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public int position() {
        return position;
    }
}
