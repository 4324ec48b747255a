package org.triad.bank.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.domain.model.shared.Ids;

/**
 * One sign-in, a <em>device session</em>: who, of which kind (portal browser, first-party API client, OAuth grant),
 * for which client, from which user agent and IP, when, last seen, until when. Clients know it only by its random
 * {@code handle} (128 bits, base64url), which access tokens carry as {@code sid}. Portal and old-style API sessions
 * also have a random token the client holds; only its hash is stored.
 */
@Entity
@Table(name = "login_session")
public class LoginSession {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @Id
    private long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(nullable = false, unique = true)
    private String handle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeviceKind kind;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected LoginSession() {
    }

    /** A portal session of the old kind, valid for a week. */
    public LoginSession(long customerId, String tokenHash, String userAgent, String ipAddress, Instant now) {
        this(customerId, DeviceKind.PORTAL, null, tokenHash, userAgent, ipAddress, now,
                now.plus(java.time.Duration.ofDays(7)));
    }

    /**
     * @param tokenHash SHA-256 of the random token the client holds, or of a random value nobody holds (sessions
     *                  that are used through JWTs and refresh tokens only)
     */
    public LoginSession(long customerId, DeviceKind kind, String clientId, String tokenHash, String userAgent,
                        String ipAddress, Instant now, Instant expiresAt) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.kind = kind;
        this.clientId = clientId;
        this.tokenHash = tokenHash;
        this.handle = newHandle();
        this.userAgent = userAgent == null ? null : truncate(userAgent, 500);
        this.ipAddress = ipAddress == null ? null : truncate(ipAddress, 64);
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
    }

    private static String newHandle() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Not revoked (it may have expired; see {@link #isActiveAt(Instant)}). */
    public boolean isActive() {
        return revokedAt == null;
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Whether this session's token has the given hash (false for null). */
    public boolean hasTokenHash(String hash) {
        return hash != null && hash.equals(tokenHash);
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public void seen(Instant now) {
        lastSeenAt = now;
    }

    public void revoke(Instant now) {
        revoke(now, null);
    }

    /** Ends the session (once; a later call changes nothing). */
    public void revoke(Instant now, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokeReason = reason == null ? null : truncate(reason, 64);
        }
    }

    /** Moves the expiry to {@code expiresAt} if that is later (sliding portal sessions, refreshed API sessions). */
    public void extendTo(Instant expiresAt) {
        if (this.expiresAt == null || expiresAt.isAfter(this.expiresAt)) {
            this.expiresAt = expiresAt;
        }
    }

    public String handle() {
        return handle;
    }

    public DeviceKind kind() {
        return kind;
    }

    public String clientId() {
        return clientId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String revokeReason() {
        return revokeReason;
    }

    public long id() {
        return id;
    }

    public long customerId() {
        return customerId;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
