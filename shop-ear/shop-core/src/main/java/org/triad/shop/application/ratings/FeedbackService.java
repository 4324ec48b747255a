package org.triad.shop.application.ratings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.application.ShopAudit;
import org.triad.shop.domain.model.feedback.Feedback;
import org.triad.shop.domain.model.feedback.FeedbackRepository;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * Feedback to the shop. Anyone may send it, signed in or not; a message is 1 to 4,000 characters, a contact at most
 * 200 (422 with the field). Each sender — a signed-in user, or a visitor by a hash of the client address — sends at
 * most {@code triad.shop.feedback.per-hour} (5) messages an hour (429 {@code feedback-rate-limited}); the limit is
 * counted in the database, so it holds across instances (two messages racing may both pass: a form, not money).
 * Shop admins read them, newest first.
 */
@Stateless
public class FeedbackService {

    public static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    FeedbackRepository feedback;

    @Inject
    ShopUserRepository users;

    @Inject
    ShopAudit audit;

    @Inject
    @ConfigProperty(name = "triad.shop.feedback.per-hour", defaultValue = "5")
    int perHour;

    /** The sender key of a signed-in user, or of a visitor from this client address (never stored as such). */
    public static String senderKey(Long userId, String clientAddress) {
        if (userId != null) {
            return "u:" + userId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("triad-shop-feedback:" + clientAddress)
                    .getBytes(StandardCharsets.UTF_8));
            return "a:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a message; returns its id. */
    public long send(Long authorId, String senderKey, String contact, String message) {
        Instant now = Instant.now();
        Feedback f = new Feedback(authorId, senderKey, contact, message, now);
        if (feedback.countBySenderSince(senderKey, now.minus(WINDOW)) >= perHour) {
            throw new ShopRuleException("feedback-rate-limited", 429, null,
                    "You have sent " + perHour + " messages in the last hour; please try again later.");
        }
        feedback.add(f);
        audit.record(authorId, "FEEDBACK_SENT", "feedback:" + f.id(), null);
        return f.id();
    }

    /** For shop admins (the caller checks the role): newest first. */
    public FeedbackView.Page newest(int first, int max) {
        int f = Math.max(0, first);
        int m = Math.max(1, Math.min(max, 200));
        Map<Long, String> names = new HashMap<>();
        return new FeedbackView.Page(feedback.newest(f, m).stream().map(x -> new FeedbackView(x.id(), x.authorId(),
                x.authorId() == null ? null : names.computeIfAbsent(x.authorId(),
                        id -> users.find(id).map(ShopUser::nickname).orElse("#" + id)),
                x.contact(), x.message(), x.createdAt())).toList(), feedback.count(), f, m);
    }
}
