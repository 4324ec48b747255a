package org.triad.bank.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.Ids;

/**
 * One sign-in: who, from which user agent and IP, when, last seen. The client holds a random token; only its hash
 * is stored. The identity issue turns these into devices the customer can list and sign out.
 */
@Entity
@Table(name = "login_session")
public class LoginSession {

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

    protected LoginSession() {
    }

    public LoginSession(long customerId, String tokenHash, String userAgent, String ipAddress, Instant now) {
        this.id = Ids.next();
        this.customerId = customerId;
        this.tokenHash = tokenHash;
        this.userAgent = userAgent == null ? null : truncate(userAgent, 500);
        this.ipAddress = ipAddress == null ? null : truncate(ipAddress, 64);
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public boolean isActive() {
        return revokedAt == null;
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
        if (revokedAt == null) {
            revokedAt = now;
        }
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
