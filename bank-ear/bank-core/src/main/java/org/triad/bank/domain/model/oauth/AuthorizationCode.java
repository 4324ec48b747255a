package org.triad.bank.domain.model.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import org.triad.bank.domain.model.shared.Ids;

/**
 * A single-use authorization code (stored as the SHA-256 of its 256 random bits), bound to the app, the customer,
 * the exact redirect URI, the scopes, the nonce, the PKCE challenge and the device session its tokens belong to.
 */
@Entity
@Table(name = "oauth_code")
public class AuthorizationCode {

    @Id
    private long id;

    @Column(name = "code_hash", nullable = false, unique = true)
    private String codeHash;

    @Column(name = "client_pk", nullable = false)
    private long clientPk;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Column(name = "redirect_uri", nullable = false)
    private String redirectUri;

    @Column(nullable = false)
    private String scopes;

    private String nonce;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "challenge_method")
    private String challengeMethod;

    @Column(name = "device_session_id")
    private Long deviceSessionId;

    @Column(name = "auth_time", nullable = false)
    private Instant authTime;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, long clientPk, long customerId, String redirectUri, Set<String> scopes,
                             String nonce, String codeChallenge, String challengeMethod, Long deviceSessionId,
                             Instant authTime, Instant now, Instant expiresAt) {
        this.id = Ids.next();
        this.codeHash = codeHash;
        this.clientPk = clientPk;
        this.customerId = customerId;
        this.redirectUri = redirectUri;
        this.scopes = Scopes.join(scopes);
        this.nonce = nonce;
        this.codeChallenge = codeChallenge;
        this.challengeMethod = challengeMethod;
        this.deviceSessionId = deviceSessionId;
        this.authTime = authTime;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        usedAt = now;
    }

    public void bindDeviceSession(long sessionId) {
        deviceSessionId = sessionId;
    }

    public long clientPk() {
        return clientPk;
    }

    public long customerId() {
        return customerId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public Set<String> scopes() {
        return Scopes.parse(scopes);
    }

    public String nonce() {
        return nonce;
    }

    public String codeChallenge() {
        return codeChallenge;
    }

    public String challengeMethod() {
        return challengeMethod;
    }

    public Long deviceSessionId() {
        return deviceSessionId;
    }

    public Instant authTime() {
        return authTime;
    }
}
