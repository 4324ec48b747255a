package org.triad.shop.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * Someone who uses the shop. Every user is a buyer; one who bound a payout card and accepted the seller terms is
 * also a seller; shop admins are seeded or appointed. A user who signed in with the bank carries the bank's subject
 * (its customer id), which is never moved to another user; a local account has a login name and a password hash
 * (same hashing and lockout rules as the bank: {@value #MAX_FAILED_LOGINS} wrong passwords lock for 15 minutes).
 */
@Entity
@Table(name = "shop_user")
public class ShopUser {

    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final String SELLER_TERMS_VERSION = "2026-12";

    @Id
    private long id;

    @Column(name = "bank_subject")
    private String bankSubject;

    @Column(name = "login_name")
    private String loginName;

    private String email;

    @Column(nullable = false)
    private String nickname;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Convert(converter = InstantConverter.class)
    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "shop_admin", nullable = false)
    private boolean shopAdmin;

    @Convert(converter = InstantConverter.class)
    @Column(name = "seller_since")
    private Instant sellerSince;

    @Column(name = "seller_terms_version")
    private String sellerTermsVersion;

    @Convert(converter = InstantConverter.class)
    @Column(name = "banned_at")
    private Instant bannedAt;

    @Column(name = "ban_reason")
    private String banReason;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "activated_at")
    private Instant activatedAt;

    @Version
    private long version;

    protected ShopUser() {
    }

    private ShopUser(String nickname, String email, Instant now) {
        this.id = Ids.next();
        this.nickname = cleanNickname(nickname);
        this.email = email;
        this.createdAt = now;
    }

    /** A user first seen through "sign in with the bank". */
    public static ShopUser fromBank(String bankSubject, String nickname, String email, Instant now) {
        if (bankSubject == null || bankSubject.isBlank() || bankSubject.length() > 64) {
            throw new IllegalArgumentException("bank subject");
        }
        ShopUser user = new ShopUser(nickname, email, now);
        user.bankSubject = bankSubject;
        user.activatedAt = now;
        return user;
    }

    /** A shop-local account (development seed, registration). */
    public static ShopUser local(String loginName, String nickname, String email, String passwordHash, Instant now) {
        ShopUser user = new ShopUser(nickname, email, now);
        user.loginName = loginName;
        user.passwordHash = passwordHash;
        return user;
    }

    private static String cleanNickname(String nickname) {
        String n = nickname == null ? "" : nickname.strip();
        if (n.isEmpty()) {
            n = "buyer";
        }
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    /** The bank told us (again) who this is: the profile follows the bank's. */
    public void signedInWithBank(String nickname, String email, Instant now) {
        if (nickname != null && !nickname.isBlank()) {
            this.nickname = cleanNickname(nickname);
        }
        if (email != null && !email.isBlank()) {
            this.email = email.length() > 254 ? email.substring(0, 254) : email;
        }
        this.lastSignInAt = now;
    }

    /** A local account takes the bank identity it proved in its own session; an existing link never changes. */
    public void linkBank(String subject) {
        if (bankSubject != null && !bankSubject.equals(subject)) {
            throw new ShopRuleException("bank-identity-linked", 409, null,
                    "This account is linked to another bank account.");
        }
        this.bankSubject = subject;
    }

    /** The e-mail code was right: the local account may sign in. */
    public void activate(Instant now) {
        if (activatedAt == null) {
            activatedAt = now;
        }
    }

    public boolean isActivated() {
        return activatedAt != null;
    }

    /** A new password (reset by e-mail code); the lockout is lifted. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public void signedIn(Instant now) {
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.lastSignInAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a wrong password; the {@value #MAX_FAILED_LOGINS}th in a row locks the account for 15 minutes. */
    public void wrongPassword(Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCKOUT);
            failedLogins = 0;
        }
    }

    /**
     * Accepts the seller terms and becomes a seller.
     *
     * @param payoutCard the user's payout card binding; required and not lost
     */
    public void becomeSeller(CardBinding payoutCard, String termsVersion, Instant now) {
        if (isBanned()) {
            throw ShopRuleException.forbidden("seller-banned", "This account may not sell.");
        }
        if (payoutCard == null || payoutCard.userId() != id || payoutCard.purpose() != CardPurpose.PAYOUT
                || payoutCard.isLost()) {
            throw new ShopRuleException("payout-card-required", 409, "card",
                    "Bind a bank card for payouts before you become a seller.");
        }
        if (!SELLER_TERMS_VERSION.equals(termsVersion)) {
            throw new ShopRuleException("seller-terms-required", 409, "terms", "Accept the current seller terms.");
        }
        if (sellerSince == null) {
            sellerSince = now;
        }
        sellerTermsVersion = termsVersion;
    }

    public void appointAdmin() {
        this.shopAdmin = true;
    }

    public void ban(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw ShopRuleException.invalid("reason", "Say why the seller is banned.");
        }
        this.bannedAt = now;
        this.banReason = reason.length() > 500 ? reason.substring(0, 500) : reason.strip();
    }

    public void unban() {
        this.bannedAt = null;
        this.banReason = null;
    }

    /** The container groups of this user. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(ShopRoles.BUYER);
        if (isSeller()) {
            roles.add(ShopRoles.SELLER);
        }
        if (shopAdmin) {
            roles.add(ShopRoles.SHOP_ADMIN);
        }
        return roles;
    }

    public boolean isSeller() {
        return sellerSince != null && !isBanned();
    }

    public boolean isBanned() {
        return bannedAt != null;
    }

    public long id() {
        return id;
    }

    public String bankSubject() {
        return bankSubject;
    }

    public String loginName() {
        return loginName;
    }

    public String email() {
        return email;
    }

    public String nickname() {
        return nickname;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isShopAdmin() {
        return shopAdmin;
    }

    public Instant sellerSince() {
        return sellerSince;
    }

    public Instant bannedAt() {
        return bannedAt;
    }

    public String banReason() {
        return banReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
