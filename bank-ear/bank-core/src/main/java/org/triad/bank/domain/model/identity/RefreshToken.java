package org.triad.bank.domain.model.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.triad.bank.domain.model.shared.Ids;

/**
 * An opaque refresh token (only its SHA-256 is stored), bound to a device session, a client, scopes and audiences.
 * Used once: rotation sets {@code rotatedAt} and keeps the successor pair encrypted under a key only the old token's
 * holder can derive, for the concurrent refreshes of the grace window.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    private long id;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private String audience;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "successor_enc")
    private String successorEncrypted;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, long sessionId, long customerId, String clientId, Set<String> scopes,
                        Set<String> audience, Instant now, Instant expiresAt) {
        this.id = Ids.next();
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.customerId = customerId;
        this.clientId = clientId;
        this.scopes = join(scopes);
        this.audience = join(audience);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    private static String join(Set<String> values) {
        return String.join(" ", new TreeSet<>(values));
    }

    private static Set<String> split(String value) {
        return value == null || value.isBlank() ? Set.of()
                : Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isRotated() {
        return rotatedAt != null;
    }

    public void rotated(Instant now, String successorEncrypted) {
        this.rotatedAt = now;
        this.successorEncrypted = successorEncrypted;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public long id() {
        return id;
    }

    public long sessionId() {
        return sessionId;
    }

    public long customerId() {
        return customerId;
    }

    public String clientId() {
        return clientId;
    }

    public Set<String> scopes() {
        return split(scopes);
    }

    public Set<String> audience() {
        return split(audience);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant rotatedAt() {
        return rotatedAt;
    }

    public String successorEncrypted() {
        return successorEncrypted;
    }
}
