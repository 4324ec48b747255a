package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.CategoryView;
import org.triad.shop.application.ItemView;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * The public catalogue, {@code /api/v1/catalogue}: categories, visible items (approved, on sale, seller not banned),
 * an item ({@code 404 item-not-found} unless visible, or the caller is its seller or a shop admin).
 */
@Path("v1/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogueResource {

    @EJB
    CatalogueService catalogue;

    @Context
    SecurityContext security;

    @GET
    @Path("categories")
    public List<CategoryView> categories() {
        return catalogue.categoryTree();
    }

    @GET
    @Path("items")
    public CatalogueService.Page items(@QueryParam("category") String category,
                                       @QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("max") @DefaultValue("24") int max) {
        Long id = null;
        if (category != null && !category.isBlank()) {
            id = catalogue.category(category).orElseThrow(() -> ShopRuleException.notFound("category")).id();
        }
        return catalogue.visible(id, first, max);
    }

    /**
     * Full-text search: {@code q} (Chinese and/or English), {@code category} (slug, with sub-categories),
     * {@code minPrice}/{@code maxPrice} (yuan), {@code inStock}, {@code sort} (relevance, price_asc, price_desc,
     * newest, rating), {@code first}/{@code max}; facets of all hits in the answer.
     */
    @GET
    @Path("search")
    public org.triad.shop.application.SearchResult search(@QueryParam("q") String q,
                                                           @QueryParam("category") String category,
                                                           @QueryParam("minPrice") java.math.BigDecimal minPrice,
                                                           @QueryParam("maxPrice") java.math.BigDecimal maxPrice,
                                                           @QueryParam("inStock") boolean inStock,
                                                           @QueryParam("sort") @DefaultValue("relevance") String sort,
                                                           @QueryParam("first") @DefaultValue("0") int first,
                                                           @QueryParam("max") @DefaultValue("24") int max) {
        org.triad.shop.application.SearchRequest.Sort order;
        try {
            order = org.triad.shop.application.SearchRequest.Sort.valueOf(sort.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ShopRuleException.invalid("sort", "sort is relevance, price_asc, price_desc, newest or rating.");
        }
        return catalogue.search(new org.triad.shop.application.SearchRequest(q, category, minPrice, maxPrice, inStock,
                order, first, max));
    }

    @GET
    @Path("suggest")
    public List<String> suggest(@QueryParam("q") String q) {
        return catalogue.suggest(q);
    }

    @GET
    @Path("items/{id}")
    public ItemView item(@PathParam("id") long id) {
        return catalogue.item(id, Callers.idOrNull(security));
    }
}
