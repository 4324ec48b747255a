package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.CategoryView;
import org.triad.shop.application.SearchRequest;
import org.triad.shop.application.SearchResult;

/**
 * The search page {@code search.xhtml?q=&c=&min=&max=&stock=&sort=&page=} (all in the URL: shareable, back button):
 * hits, facets (category, price range, in stock) as links that narrow the search, sort, pagination; and the search
 * box with suggestions used on every catalogue page.
 */
@Named
@RequestScoped
public class SearchPage {

    public static final int PAGE_SIZE = 24;

    @EJB
    CatalogueService catalogue;

    private String q;
    private String c;
    private BigDecimal min;
    private BigDecimal max;
    private boolean stock;
    private String sort = "relevance";
    private int page = 1;
    private SearchResult result;
    private List<CategoryView> categories;

    public void load() {
        SearchRequest.Sort order;
        try {
            order = SearchRequest.Sort.valueOf(sort == null ? "RELEVANCE" : sort.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            order = SearchRequest.Sort.RELEVANCE;
        }
        page = Math.max(1, Math.min(page, 400));
        result = catalogue.search(new SearchRequest(q, c, min, max, stock, order, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        categories = catalogue.categoryTree();
    }

    /** Suggestions for the search box (p:autoComplete). */
    public List<String> complete(String prefix) {
        return catalogue.suggest(prefix);
    }

    /** The search box's button: to the search page with the words typed. */
    public String go() {
        return "/search?faces-redirect=true&q=" + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8);
    }

    /** A link to this search with some parameters changed ({@code null} removes one); back to page 1. */
    public String link(String key, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("c", c);
        params.put("min", min == null ? null : min.toPlainString());
        params.put("max", max == null ? null : max.toPlainString());
        params.put("stock", stock ? "true" : null);
        params.put("sort", "relevance".equals(sort) ? null : sort);
        params.put(key, value);
        if ("min".equals(key)) {
            String[] range = value == null ? new String[0] : value.split("-", -1);
            params.put("min", range.length > 0 && !range[0].isEmpty() ? range[0] : null);
            params.put("max", range.length > 1 && !range[1].isEmpty() ? range[1] : null);
        }
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext()
                .getRequestContextPath()).append("/search.xhtml");
        char sep = '?';
        for (var e : params.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return url.toString();
    }

    public String categoryName(String slug) {
        return categories.stream().filter(v -> v.slug().equals(slug)).findFirst().map(v -> v.name(Messages.locale()))
                .orElse(slug);
    }

    public String categoryNameOf(long id) {
        if (categories == null) {
            return "";
        }
        return categories.stream().filter(v -> v.id() == id).findFirst().map(v -> v.name(Messages.locale()))
                .orElse("");
    }

    public int getPages() {
        return (int) Math.max(1, Math.min(400, (getResult().total() + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /**
     * The hits, or none before {@link #load()}: the search box posts back to this page (a new request scope whose
     * view action does not run on a postback) and the page's expressions are evaluated while the post is decoded.
     */
    public SearchResult getResult() {
        return result != null ? result : new SearchResult(List.of(), 0, List.of(), List.of(), 0);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public BigDecimal getMin() {
        return min;
    }

    public void setMin(BigDecimal min) {
        this.min = min;
    }

    public BigDecimal getMax() {
        return max;
    }

    public void setMax(BigDecimal max) {
        this.max = max;
    }

    public boolean isStock() {
        return stock;
    }

    public void setStock(boolean stock) {
        this.stock = stock;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
