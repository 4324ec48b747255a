package org.triad.shop.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;

/**
 * A card the user picked from the bank's list for one {@link CardPurpose}. The shop keeps the bank's opaque
 * per-app card reference and the masked number the bank showed, never a card number. "Lost" when the bank no
 * longer lists the reference for the user (consent withdrawn, card closed).
 */
@Entity
@Table(name = "card_binding")
public class CardBinding {

    @Id
    private long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CardPurpose purpose;

    @Column(name = "card_ref", nullable = false)
    private String cardRef;

    @Column(name = "masked_number", nullable = false)
    private String maskedNumber;

    private String nickname;

    @Convert(converter = InstantConverter.class)
    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "lost_at")
    private Instant lostAt;

    protected CardBinding() {
    }

    public CardBinding(long userId, CardPurpose purpose, String cardRef, String maskedNumber, String nickname,
                       Instant now) {
        this.id = Ids.next();
        this.userId = userId;
        this.purpose = purpose;
        rebind(cardRef, maskedNumber, nickname, now);
    }

    /** Points the binding at another (or the same) card of the bank's list; a lost binding is whole again. */
    public void rebind(String cardRef, String maskedNumber, String nickname, Instant now) {
        if (cardRef == null || cardRef.isBlank() || cardRef.length() > 200) {
            throw new IllegalArgumentException("card reference");
        }
        this.cardRef = cardRef;
        this.maskedNumber = maskedNumber == null ? "" : maskedNumber.substring(0, Math.min(32, maskedNumber.length()));
        this.nickname = nickname == null ? null : nickname.substring(0, Math.min(100, nickname.length()));
        this.boundAt = now;
        this.lostAt = null;
    }

    public void markLost(Instant now) {
        if (lostAt == null) {
            lostAt = now;
        }
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public CardPurpose purpose() {
        return purpose;
    }

    public String cardRef() {
        return cardRef;
    }

    public String maskedNumber() {
        return maskedNumber;
    }

    public String nickname() {
        return nickname;
    }

    public Instant boundAt() {
        return boundAt;
    }

    public Instant lostAt() {
        return lostAt;
    }

    public boolean isLost() {
        return lostAt != null;
    }
}
