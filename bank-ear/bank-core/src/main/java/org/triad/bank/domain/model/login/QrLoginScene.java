package org.triad.bank.domain.model.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A QR login scene: a browser that wants to sign in shows its random id as a QR code; a phone that is signed in
 * confirms (or rejects) it; then the same browser, which alone holds the secret whose hash is stored here, is
 * signed in once. Knowing the scene id alone (a phished QR code) signs nobody in.
 */
@Entity
@Table(name = "qr_login_scene")
public class QrLoginScene {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(2);

    @Id
    private String id;

    @Column(name = "browser_secret_hash", nullable = false)
    private String browserSecretHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QrSceneStatus status;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "wechat_openid")
    private String wechatOpenid;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected QrLoginScene() {
    }

    public QrLoginScene(String id, String browserSecretHash, String userAgent, String ipAddress, Instant now,
                        Duration lifetime) {
        this.id = id;
        this.browserSecretHash = browserSecretHash;
        this.status = QrSceneStatus.PENDING;
        this.userAgent = userAgent;
        this.ipAddress = ipAddress;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** The status as of {@code now}: an unfinished scene past its expiry is {@code EXPIRED}. */
    public QrSceneStatus statusAt(Instant now) {
        if (!status.isFinal() && !now.isBefore(expiresAt)) {
            return QrSceneStatus.EXPIRED;
        }
        return status;
    }

    /** A phone opened the scene's URL (or scanned it in WeChat); it is still undecided. */
    public void scanned(Instant now) {
        requireUndecided(now);
        status = QrSceneStatus.SCANNED;
    }

    public void confirm(long confirmingCustomerId, Instant now) {
        requireUndecided(now);
        status = QrSceneStatus.CONFIRMED;
        customerId = confirmingCustomerId;
        decidedAt = now;
    }

    public void reject(Instant now) {
        requireUndecided(now);
        status = QrSceneStatus.REJECTED;
        decidedAt = now;
    }

    /** An unbound WeChat user scanned the scene: the browser is asked to sign in another way to bind it. */
    public void holdWeChat(String openid, Instant now) {
        requireUndecided(now);
        status = QrSceneStatus.SCANNED;
        wechatOpenid = openid;
    }

    /**
     * Signs the waiting browser in: only a confirmed, unexpired scene, only once, and only for the browser holding
     * the secret.
     *
     * @return the customer who confirmed
     */
    public long consume(String presentedSecretHash, Instant now) {
        if (presentedSecretHash == null || !java.security.MessageDigest.isEqual(
                presentedSecretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                browserSecretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            // another browser that learnt the scene id: answered like an unknown scene
            throw new QrSceneException("not-found", "No such QR login.");
        }
        QrSceneStatus now0 = statusAt(now);
        switch (now0) {
            case CONFIRMED -> {
                status = QrSceneStatus.CONSUMED;
                return customerId;
            }
            case EXPIRED -> throw new QrSceneException("expired", "The QR code has expired; show a new one.");
            case REJECTED -> throw new QrSceneException("rejected", "The sign-in was rejected on the phone.");
            case CONSUMED -> throw new QrSceneException("used", "The QR code was used already.");
            default -> throw new QrSceneException("not-confirmed", "The sign-in has not been confirmed yet.");
        }
    }

    public boolean heldBy(String presentedSecretHash) {
        return presentedSecretHash != null && java.security.MessageDigest.isEqual(
                presentedSecretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                browserSecretHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void requireUndecided(Instant now) {
        switch (statusAt(now)) {
            case PENDING, SCANNED -> {
            }
            case EXPIRED -> throw new QrSceneException("expired", "The QR code has expired.");
            case REJECTED -> throw new QrSceneException("rejected", "The sign-in was rejected already.");
            case CONSUMED -> throw new QrSceneException("used", "The QR code was used already.");
            case CONFIRMED -> throw new QrSceneException("decided", "The sign-in was confirmed already.");
        }
    }

    public String id() {
        return id;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public Long customerId() {
        return customerId;
    }

    public String wechatOpenid() {
        return wechatOpenid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
