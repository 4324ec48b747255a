package org.triad.shop.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;

/**
 * A one-time code mailed to a local account (activation, password reset), with the bank's rules: stored as a slow
 * hash, valid {@link #VALIDITY}, {@link #MAX_ATTEMPTS} tries, single use, superseded by a newer code.
 */
@Entity
@Table(name = "shop_code")
public class ShopCode {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;

    public enum Purpose { ACTIVATION, RESET }

    public enum Check { OK, WRONG, EXPIRED }

    @Id
    private long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "used_at")
    private Instant usedAt;

    protected ShopCode() {
    }

    public ShopCode(long userId, Purpose purpose, String codeHash, Instant now) {
        this.id = Ids.next();
        this.userId = userId;
        this.purpose = purpose;
        this.codeHash = codeHash;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    /** One try: right (and used up), wrong (counted), or no longer usable. */
    public Check check(Predicate<String> matchesHash, Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt) || attempts >= MAX_ATTEMPTS) {
            return Check.EXPIRED;
        }
        attempts++;
        if (matchesHash.test(codeHash)) {
            usedAt = now;
            return Check.OK;
        }
        return attempts >= MAX_ATTEMPTS ? Check.EXPIRED : Check.WRONG;
    }

    public void supersede(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public long userId() {
        return userId;
    }

    public Purpose purpose() {
        return purpose;
    }
}
