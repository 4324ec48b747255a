package org.triad.shop.domain.model.rating;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * A buyer's rating of one order line: 1 to 5 stars and an optional text of at most {@link #MAX_TEXT} characters,
 * given once (the table's unique key on the order line is the last guard), and the seller's one answer. Who may rate
 * (the buyer, a completed order) is the application service's check; what a rating is, is checked here.
 */
@Entity
@Table(name = "rating")
public class Rating {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_IMAGES = 3;

    @Id
    private long id;

    @Column(name = "order_line_id", nullable = false)
    private long orderLineId;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(name = "buyer_id", nullable = false)
    private long buyerId;

    @Column(name = "seller_id", nullable = false)
    private long sellerId;

    @Column(nullable = false)
    private int stars;

    @Column(nullable = false)
    private String body;

    @Column
    private String answer;

    @Convert(converter = InstantConverter.class)
    @Column(name = "answered_at")
    private Instant answeredAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Rating() {
    }

    /** A rating of {@code line} of {@code order}; refused (422, with its field) for bad stars or too long a text. */
    public Rating(ShopOrder order, OrderLine line, Integer stars, String text, Instant now) {
        if (line.orderId() != order.id()) {
            throw new IllegalArgumentException("line " + line.id() + " is not of order " + order.id());
        }
        this.id = Ids.next();
        this.orderLineId = line.id();
        this.orderId = order.id();
        this.itemId = line.itemId();
        this.buyerId = order.buyerId();
        this.sellerId = order.sellerId();
        this.stars = checkedStars(stars);
        this.body = checkedText(text, "text");
        this.createdAt = now;
    }

    static int checkedStars(Integer stars) {
        if (stars == null || stars < 1 || stars > 5) {
            throw ShopRuleException.invalid("stars", "Give 1 to 5 stars.");
        }
        return stars;
    }

    /** Stripped text, empty if none; at most {@link #MAX_TEXT} characters. */
    static String checkedText(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.codePointCount(0, t.length()) > MAX_TEXT) {
            throw ShopRuleException.invalid(field, "A text has at most " + MAX_TEXT + " characters.");
        }
        return t;
    }

    /** The seller of the rated line answers, once (a second answer is 409 {@code rating-answered}). */
    public void answer(long sellerId, String text, Instant now) {
        if (sellerId != this.sellerId) {
            throw ShopRuleException.notFound("rating");
        }
        if (answer != null) {
            throw new ShopRuleException("rating-answered", 409, "answer", "This rating has been answered already.");
        }
        String a = checkedText(text, "answer");
        if (a.isEmpty()) {
            throw ShopRuleException.invalid("answer", "Write an answer.");
        }
        this.answer = a;
        this.answeredAt = now;
    }

    public boolean isAnswered() {
        return answer != null;
    }

    public long id() {
        return id;
    }

    public long orderLineId() {
        return orderLineId;
    }

    public long orderId() {
        return orderId;
    }

    public long itemId() {
        return itemId;
    }

    public long buyerId() {
        return buyerId;
    }

    public long sellerId() {
        return sellerId;
    }

    public int stars() {
        return stars;
    }

    public String text() {
        return body;
    }

    public String answer() {
        return answer;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rating other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
