package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;
import org.triad.shop.application.orders.OrderDetail;
import org.triad.shop.application.orders.OrderView;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.application.ratings.RatingView;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.rating.Rating;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * The ratings part of the order page ({@code orders/order.xhtml}): each line's rating (stars, text, images, the
 * seller's answer) and, for the buyer of a completed order, the "Rate" form for a line not rated yet: stars, text,
 * up to three images. Refusals are shown next to their field ({@code rate:stars}, {@code rate:text},
 * {@code rate:image}); a saved rating is confirmed on the page.
 */
@Named
@ViewScoped
public class OrderRatingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient RatingService ratings;

    @Inject
    OrderPage orderPage;

    @Inject
    CurrentUser currentUser;

    private Map<Long, RatingView> byLine;
    private Long lineId;
    private Integer stars;
    private String text;
    private transient UploadedFiles files;
    private boolean saved;

    private OrderDetail detail() {
        return orderPage.getDetail();
    }

    /** The ratings of the order's lines by line id. */
    public Map<Long, RatingView> getByLine() {
        if (byLine == null && detail() != null) {
            byLine = ratings.ofOrder(currentUser.id(), currentUser.isShopAdmin(), detail().order().id());
        }
        return byLine == null ? Map.of() : byLine;
    }

    /** The order's ratings in the order of its lines. */
    public List<RatingView> getRatings() {
        if (detail() == null) {
            return List.of();
        }
        return detail().order().lines().stream().map(l -> getByLine().get(l.id()))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Lines the buyer may still rate: the order is completed and they have no rating yet. */
    public List<OrderView.Line> getUnratedLines() {
        if (detail() == null || !orderPage.isBuyer() || detail().order().status() != OrderStatus.COMPLETED) {
            return List.of();
        }
        return detail().order().lines().stream().filter(l -> !getByLine().containsKey(l.id())).toList();
    }

    public boolean isCanRate() {
        return !getUnratedLines().isEmpty();
    }

    public boolean isAnyRating() {
        return !getByLine().isEmpty();
    }

    public void rate() {
        saved = false;
        List<OrderView.Line> open = getUnratedLines();
        Long line = lineId != null ? lineId : open.isEmpty() ? null : open.get(0).id();
        try {
            if (line == null) {
                throw ShopRuleException.invalid("line", Messages.text("rating.chooseLine"));
            }
            List<byte[]> images = new ArrayList<>();
            if (files != null && files.getFiles() != null) {
                for (UploadedFile f : files.getFiles()) {
                    if (f != null && f.getSize() > 0) {
                        images.add(f.getContent());
                    }
                }
            }
            if (images.size() > Rating.MAX_IMAGES) {
                throw new ShopRuleException("too-many-rating-images", 422, "image",
                        Messages.text("problem.too-many-rating-images"));
            }
            ratings.rate(currentUser.id(), detail().order().id(), line, stars, text, images);
            saved = true;
            byLine = null;
            lineId = null;
            stars = null;
            text = null;
        } catch (RuntimeException e) {
            Messages.refused(e, "rate");
            byLine = null;
        } finally {
            files = null;
        }
    }

    public Long getLineId() {
        if (lineId == null) {
            List<OrderView.Line> open = getUnratedLines();
            return open.isEmpty() ? null : open.get(0).id();
        }
        return lineId;
    }

    public void setLineId(Long lineId) {
        this.lineId = lineId;
    }

    public Integer getStars() {
        return stars;
    }

    public void setStars(Integer stars) {
        this.stars = stars;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public UploadedFiles getFiles() {
        return files;
    }

    public void setFiles(UploadedFiles files) {
        this.files = files;
    }

    /** After a live refresh of the order: read the ratings again (the order may have been completed). */
    public void refresh() {
        byLine = null;
    }

    public boolean isSaved() {
        return saved;
    }
}
