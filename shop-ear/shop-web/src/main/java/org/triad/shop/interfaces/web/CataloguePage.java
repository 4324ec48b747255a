package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.CategoryView;

/** Home and category pages: the category tree and the newest visible items, paginated ({@code ?c=slug&page=}). */
@Named
@ViewScoped
public class CataloguePage implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PAGE_SIZE = 24;

    @EJB
    transient CatalogueService catalogue;

    private String c;
    private int page = 1;
    private CategoryView category;
    private List<CategoryView> categories;
    private CatalogueService.Page items;

    public void load() {
        categories = catalogue.categoryTree();
        category = c == null || c.isBlank() ? null : catalogue.category(c).orElse(null);
        page = Math.max(1, page);
        items = catalogue.visible(category == null ? null : category.id(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    public String name(CategoryView view) {
        return view.name(Messages.locale());
    }

    public List<CategoryView> getTopCategories() {
        return categories.stream().filter(v -> v.depth() == 0).toList();
    }

    public List<CategoryView> children(CategoryView parent) {
        return categories.stream().filter(v -> parent.id() == (v.parentId() == null ? -1 : v.parentId())).toList();
    }

    public String categoryName(long id) {
        return categories.stream().filter(v -> v.id() == id).findFirst().map(this::name).orElse("");
    }

    public int getPages() {
        return (int) Math.max(1, (items.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public CatalogueService.Page getItems() {
        return items;
    }

    public CategoryView getCategory() {
        return category;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
