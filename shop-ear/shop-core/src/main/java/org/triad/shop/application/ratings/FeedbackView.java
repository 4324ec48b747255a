package org.triad.shop.application.ratings;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A message to the shop, for shop admins: from whom (a shop user, or a visitor), how to answer, what it says. */
public record FeedbackView(long id, Long authorId, String authorName, String contact, String message,
                           Instant createdAt) implements Serializable {

    public record Page(List<FeedbackView> feedback, long total, int first, int max) implements Serializable {
    }
}
