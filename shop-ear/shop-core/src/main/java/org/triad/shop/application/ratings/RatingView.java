package org.triad.shop.application.ratings;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A rating as buyers, sellers and the public see it. {@code buyerName} is masked ("a***e"): a rating is public, the
 * buyer's nickname is not. {@code imageIds} are served at {@code /rating-images/<id>/<large|medium|thumb>}.
 */
public record RatingView(long id, long orderId, long orderLineId, long itemId, String itemTitle, String buyerName,
                         int stars, String text, List<Long> imageIds, String answer, Instant answeredAt,
                         Instant createdAt) implements Serializable {

    public boolean answered() {
        return answer != null;
    }

    /** The stars as text, e.g. ★★★★☆. */
    public String starsText() {
        return "★".repeat(stars) + "☆".repeat(5 - stars);
    }
}
