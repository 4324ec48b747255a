package org.triad.bank.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.triad.bank.domain.model.shared.Ids;

/**
 * The payment profile of an approved confidential app: the name buyers see at the cashier, the card that receives
 * the money unless a payment names other payees, where notifications go and to which URLs buyers may return.
 * A clerk checks it before the app can create payments; a change by the owner sends it back to the check.
 */
@Entity
@Table(name = "merchant")
public class Merchant {

    public static final int MAX_RETURN_PREFIXES = 10;

    @Id
    private long id;

    @Column(name = "client_id", nullable = false, unique = true)
    private String clientId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "settlement_card_id", nullable = false)
    private long settlementCardId;

    @Column(name = "notify_url", nullable = false)
    private String notifyUrl;

    /** Newline separated. */
    @Column(name = "return_url_prefixes", nullable = false)
    private String returnUrlPrefixes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MerchantStatus status;

    @Column(name = "review_reason")
    private String reviewReason;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Merchant() {
    }

    public Merchant(String clientId, Instant now) {
        this.id = Ids.next();
        this.clientId = clientId;
        this.status = MerchantStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets the profile as its owner keeps it; any change waits for a clerk again. */
    public void describe(String displayName, long settlementCardId, String notifyUrl, List<String> returnUrlPrefixes,
                         Instant now) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw PaymentRuleException.invalid("The display name needs 1 to 100 characters.");
        }
        requireCallbackUrl(notifyUrl, "notify URL");
        if (returnUrlPrefixes == null || returnUrlPrefixes.isEmpty() || returnUrlPrefixes.size() > MAX_RETURN_PREFIXES) {
            throw PaymentRuleException.invalid("Give 1 to " + MAX_RETURN_PREFIXES + " return URL prefixes.");
        }
        returnUrlPrefixes.forEach(p -> requireCallbackUrl(p, "return URL prefix"));
        this.displayName = name;
        this.settlementCardId = settlementCardId;
        this.notifyUrl = notifyUrl;
        this.returnUrlPrefixes = String.join("\n", returnUrlPrefixes);
        this.status = MerchantStatus.PENDING;
        this.reviewReason = null;
        this.updatedAt = now;
    }

    public void approve(long clerkId, Instant now) {
        this.status = MerchantStatus.APPROVED;
        this.reviewedBy = clerkId;
        this.reviewReason = null;
        this.updatedAt = now;
    }

    public void reject(long clerkId, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw PaymentRuleException.invalid("Say why the merchant is rejected.");
        }
        this.status = MerchantStatus.REJECTED;
        this.reviewedBy = clerkId;
        this.reviewReason = reason.strip();
        this.updatedAt = now;
    }

    /** Whether {@code url} starts with one of the registered return URL prefixes. */
    public boolean allowsReturnTo(String url) {
        if (url == null || url.length() > 1000) {
            return false;
        }
        try {
            URI parsed = URI.create(url);
            if (parsed.getRawUserInfo() != null || parsed.getHost() == null) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return returnUrlPrefixes().stream().anyMatch(url::startsWith);
    }

    /** https, or http for loopback only; no user info, no fragment. */
    static void requireCallbackUrl(String url, String what) {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase();
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            if (!(scheme.equals("https") || (scheme.equals("http") && loopback)) || host.isEmpty()
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null || url.length() > 1000) {
                throw PaymentRuleException.invalid("The " + what + " must be an https URL (http only for localhost).");
            }
        } catch (IllegalArgumentException e) {
            throw PaymentRuleException.invalid("The " + what + " is not a URL.");
        }
    }

    public long id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String displayName() {
        return displayName;
    }

    public long settlementCardId() {
        return settlementCardId;
    }

    public String notifyUrl() {
        return notifyUrl;
    }

    public List<String> returnUrlPrefixes() {
        return Arrays.stream(returnUrlPrefixes.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public MerchantStatus status() {
        return status;
    }

    public boolean isApproved() {
        return status == MerchantStatus.APPROVED;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
