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
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;

/** The shop admin's review queue: each submitted item with the seller's history; approve, or reject with a reason. */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ReviewService reviews;

    @EJB
    transient CatalogueService catalogue;

    @Inject
    transient CurrentUser currentUser;

    private List<ItemView> queue;
    private List<CategoryView> categories;
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, ReviewService.SellerHistory> histories = new HashMap<>();

    @PostConstruct
    void load() {
        queue = reviews.queue(currentUser.id(), 0, 50);
        categories = catalogue.categoryTree();
        histories.clear();
    }

    public ReviewService.SellerHistory history(long sellerId) {
        return histories.computeIfAbsent(sellerId, id -> reviews.sellerHistory(currentUser.id(), id));
    }

    public String categoryName(long id) {
        return categories.stream().filter(c -> c.id() == id).findFirst().map(c -> c.name(Messages.locale()))
                .orElse("?");
    }

    public void approve(long itemId) {
        try {
            reviews.approve(currentUser.id(), itemId);
            Messages.info("review.approved");
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
        load();
    }

    public void reject(long itemId) {
        try {
            reviews.reject(currentUser.id(), itemId, reasons.get(itemId));
            Messages.info("review.rejected");
            reasons.remove(itemId);
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
        load();
    }

    public List<ItemView> getQueue() {
        return queue;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
