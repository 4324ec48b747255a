package org.triad.shop.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.CategoryView;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.UserView;

/**
 * The shop admin's sellers (ban with a reason, lift a ban) and the category tree (rename in both languages, add).
 * Every action reloads the page with its outcome at the top, or its refusal next to the field.
 */
@Named
@ViewScoped
public class ShopAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ReviewService reviews;

    @EJB
    transient CatalogueService catalogue;

    @Inject
    transient CurrentUser currentUser;

    private List<UserView> sellers;
    private List<CategoryView> categories;
    private final Map<Long, String> banReasons = new HashMap<>();
    private final Map<Long, String> renameEn = new HashMap<>();
    private final Map<Long, String> renameZh = new HashMap<>();
    private Long parentId;
    private String slug;
    private String nameEn;
    private String nameZh;

    @PostConstruct
    void load() {
        sellers = reviews.sellers(currentUser.id(), 0, 200);
        categories = catalogue.categoryTree();
        // the rename fields start with the stored names; a refused rename keeps what was typed
        for (CategoryView c : categories) {
            renameEn.putIfAbsent(c.id(), c.nameEn());
            renameZh.putIfAbsent(c.id(), c.nameZh());
        }
    }

    /** Bans the seller of table row {@code row} (a refused reason is shown next to that row's field). */
    public void ban(long sellerId, int row) {
        try {
            reviews.banSeller(currentUser.id(), sellerId, banReasons.get(sellerId));
            Messages.info("admin.banned");
            banReasons.remove(sellerId);
        } catch (RuntimeException e) {
            Messages.refused(e, "sellers:table:" + row);
        }
        load();
    }

    public void unban(long sellerId) {
        try {
            reviews.unbanSeller(currentUser.id(), sellerId);
            Messages.info("admin.unbanned");
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
        load();
    }

    public void addCategory() {
        try {
            reviews.addCategory(currentUser.id(), parentId, slug, nameEn, nameZh);
            Messages.info("admin.categoryAdded");
            slug = null;
            nameEn = null;
            nameZh = null;
        } catch (RuntimeException e) {
            Messages.refused(e, "category");
        }
        load();
    }

    /** Renames the category of table row {@code row} to the English and Chinese names typed in that row. */
    public void rename(long categoryId, int row) {
        try {
            CategoryView renamed = reviews.renameCategory(currentUser.id(), categoryId, renameEn.get(categoryId),
                    renameZh.get(categoryId));
            renameEn.put(categoryId, renamed.nameEn());
            renameZh.put(categoryId, renamed.nameZh());
            Messages.info("admin.categoryRenamed", renamed.nameEn(), renamed.nameZh());
        } catch (RuntimeException e) {
            Messages.refused(e, "categories:tree:" + row);
        }
        load();
    }

    public String indented(CategoryView c) {
        return "\u00a0\u00a0".repeat(c.depth()) + c.name(Messages.locale());
    }

    public List<UserView> getSellers() {
        return sellers;
    }

    public List<CategoryView> getCategories() {
        return categories;
    }

    public Map<Long, String> getBanReasons() {
        return banReasons;
    }

    public Map<Long, String> getRenameEn() {
        return renameEn;
    }

    public Map<Long, String> getRenameZh() {
        return renameZh;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }
}
