package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.triad.shop.application.ratings.RatingPage;
import org.triad.shop.application.ratings.RatingService;

/**
 * The seller's ratings ({@code seller/ratings.xhtml}, seller centre → Ratings): the seller's summary, the ratings of
 * their order lines newest first (or only the unanswered ones), and an answer form on each unanswered rating. A
 * refused answer is shown next to that rating's answer field ({@code ratings:list:<row>:answer}).
 */
@Named
@ViewScoped
public class SellerRatingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 20;

    @EJB
    transient RatingService ratings;

    @Inject
    CurrentUser currentUser;

    private boolean unansweredOnly;
    private int first;
    private RatingPage page;
    private final Map<Long, String> answers = new HashMap<>();

    public RatingPage getPage() {
        if (page == null) {
            page = ratings.ofSeller(currentUser.id(), unansweredOnly, first, PAGE);
        }
        return page;
    }

    public void answer(long ratingId, int row) {
        try {
            ratings.answer(currentUser.id(), ratingId, answers.get(ratingId));
            answers.remove(ratingId);
            page = null;
            Messages.info("rating.answered");
        } catch (RuntimeException e) {
            Messages.refused(e, "ratings:list:" + row);
            page = null;
        }
    }

    public void filter() {
        first = 0;
        page = null;
    }

    public void next() {
        first += PAGE;
        page = null;
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        page = null;
    }

    public boolean isHasNext() {
        return first + PAGE < getPage().total();
    }

    public boolean isHasPrevious() {
        return first > 0;
    }

    public Map<Long, String> getAnswers() {
        return answers;
    }

    public boolean isUnansweredOnly() {
        return unansweredOnly;
    }

    public void setUnansweredOnly(boolean unansweredOnly) {
        this.unansweredOnly = unansweredOnly;
    }
}
