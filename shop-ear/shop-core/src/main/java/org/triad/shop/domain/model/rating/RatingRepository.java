package org.triad.shop.domain.model.rating;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Ratings, their images and the summaries per item and per seller. */
public interface RatingRepository {

    /**
     * Stores a new rating and writes it at once, so that a second rating of the same order line (two tabs, a race)
     * is refused here by the unique key: 409 {@code rating-exists}.
     */
    void add(Rating rating);

    void add(RatingImage image);

    Optional<Rating> find(long id);

    Optional<Rating> lock(long id);

    Optional<Rating> ofLine(long orderLineId);

    List<Rating> ofOrder(long orderId);

    /** Newest first. */
    List<Rating> ofItem(long itemId, int first, int max);

    long countOfItem(long itemId);

    /** Newest first; only those without an answer if {@code unansweredOnly}. */
    List<Rating> ofSeller(long sellerId, boolean unansweredOnly, int first, int max);

    long countOfSeller(long sellerId, boolean unansweredOnly);

    RatingSummary summaryOfItem(long itemId);

    RatingSummary summaryOfSeller(long sellerId);

    /** Image ids per rating, in position order. */
    java.util.Map<Long, List<Long>> imageIds(Collection<Long> ratingIds);

    int countImages(long ratingId);

    Optional<RatingImage> image(long imageId);
}
