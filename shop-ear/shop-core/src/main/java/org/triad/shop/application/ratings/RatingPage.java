package org.triad.shop.application.ratings;

import java.io.Serializable;
import java.util.List;
import org.triad.shop.domain.model.rating.RatingSummary;

/** A page of ratings (newest first) with the summary of all of them and how many there are. */
public record RatingPage(RatingSummary summary, List<RatingView> ratings, long total, int first, int max)
        implements Serializable {
}
