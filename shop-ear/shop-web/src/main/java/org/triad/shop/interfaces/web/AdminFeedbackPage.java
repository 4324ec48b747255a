package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.triad.shop.application.ratings.FeedbackService;
import org.triad.shop.application.ratings.FeedbackView;

/** Feedback to the shop for shop admins ({@code admin/feedback.xhtml}): newest first, 20 a page. */
@Named
@ViewScoped
public class AdminFeedbackPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 20;

    @EJB
    transient FeedbackService feedback;

    private int first;
    private FeedbackView.Page page;

    public FeedbackView.Page getPage() {
        if (page == null) {
            page = feedback.newest(first, PAGE);
        }
        return page;
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
}
