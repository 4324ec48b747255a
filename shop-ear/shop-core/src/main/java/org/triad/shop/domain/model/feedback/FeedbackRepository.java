package org.triad.shop.domain.model.feedback;

import java.time.Instant;
import java.util.List;

public interface FeedbackRepository {

    void add(Feedback feedback);

    /** Newest first. */
    List<Feedback> newest(int first, int max);

    long count();

    /** How many messages this sender sent at or after {@code since} (the hourly limit). */
    long countBySenderSince(String senderKey, Instant since);
}
