package org.triad.shop.domain.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * A message to the shop from anyone: a signed-in user ({@code authorId}) or a visitor, with an optional way to be
 * answered ({@code contact}). {@code senderKey} names the sender for the hourly limit without keeping an address.
 */
@Entity
@Table(name = "feedback")
public class Feedback {

    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_CONTACT = 200;

    @Id
    private long id;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "sender_key", nullable = false)
    private String senderKey;

    @Column
    private String contact;

    @Column(nullable = false)
    private String message;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Feedback() {
    }

    /** Refused (422 with its field) without a message, with a message over 4,000 or a contact over 200 characters. */
    public Feedback(Long authorId, String senderKey, String contact, String message, Instant now) {
        String m = message == null ? "" : message.strip();
        if (m.isEmpty()) {
            throw ShopRuleException.invalid("message", "Write your message.");
        }
        if (m.codePointCount(0, m.length()) > MAX_MESSAGE) {
            throw ShopRuleException.invalid("message", "A message has at most " + MAX_MESSAGE + " characters.");
        }
        String c = contact == null ? "" : contact.strip();
        if (c.length() > MAX_CONTACT) {
            throw ShopRuleException.invalid("contact", "A contact has at most " + MAX_CONTACT + " characters.");
        }
        this.id = Ids.next();
        this.authorId = authorId;
        this.senderKey = senderKey;
        this.contact = c.isEmpty() ? null : c;
        this.message = m;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public Long authorId() {
        return authorId;
    }

    public String senderKey() {
        return senderKey;
    }

    public String contact() {
        return contact;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
