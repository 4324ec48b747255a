package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.triad.shop.application.ratings.RatingPage;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.domain.model.rating.RatingSummary;

/**
 * Ratings on the item page ({@code item.xhtml?id=&ratings=<page>}): the item's summary (average, count, stars), its
 * ratings newest first ten a page, and the seller's summary over all their items.
 */
@Named
@RequestScoped
public class ItemRatingsPage {

    static final int PAGE = 10;

    @EJB
    RatingService ratings;

    @Inject
    ItemPage itemPage;

    @Inject
    CurrentUser currentUser;

    private RatingPage page;
    private RatingSummary sellerSummary;

    public RatingPage getPage() {
        if (page == null && itemPage.getItem() != null) {
            try {
                page = ratings.ofItem(itemPage.getItem().id(), currentUser.idOrNull(), pageNumber() * PAGE, PAGE);
            } catch (RuntimeException e) {
                // an item only a shop admin may see (not published): no ratings to show
                return null;
            }
        }
        return page;
    }

    public RatingSummary getSellerSummary() {
        if (sellerSummary == null && itemPage.getItem() != null) {
            try {
                sellerSummary = ratings.summaryOfSeller(itemPage.getItem().sellerId());
            } catch (RuntimeException e) {
                return null;
            }
        }
        return sellerSummary;
    }

    public int getPageNumber() {
        return pageNumber();
    }

    public boolean isHasNext() {
        RatingPage p = getPage();
        return p != null && (long) (pageNumber() + 1) * PAGE < p.total();
    }

    private static int pageNumber() {
        String param = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("ratings");
        return param != null && param.matches("\\d{1,6}") ? Integer.parseInt(param) : 0;
    }
}
