package org.triad.bank.domain.model.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A revoked device session whose access tokens may still be unexpired ({@code expiresAt}). */
@Entity
@Table(name = "revoked_session")
public class RevokedSession {

    @Id
    private String handle;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "revoked_at", nullable = false)
    private Instant revokedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column
    private String reason;

    protected RevokedSession() {
    }

    public RevokedSession(String handle, long sessionId, Instant revokedAt, Instant expiresAt, String reason) {
        this.handle = handle;
        this.sessionId = sessionId;
        this.revokedAt = revokedAt;
        this.expiresAt = expiresAt;
        this.reason = reason;
    }

    public String handle() {
        return handle;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
