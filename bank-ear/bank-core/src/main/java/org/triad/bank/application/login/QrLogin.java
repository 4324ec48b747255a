package org.triad.bank.application.login;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.login.QrLoginScene;
import org.triad.bank.domain.model.login.QrSceneException;
import org.triad.bank.domain.model.login.QrSceneRepository;
import org.triad.bank.domain.model.login.QrSceneStatus;

/**
 * QR login: a browser creates a scene (and keeps a secret for it), a signed-in phone confirms or rejects it, and
 * the browser holding the secret consumes the confirmed scene once to be signed in. Scene ids are 256 random bits;
 * scenes live {@code triad.bank.qr-login.scene-seconds} (default 120).
 */
@Stateless
public class QrLogin {

    /** What a phone is shown before it confirms: who is asking, from where, since when. */
    public record SceneView(String id, QrSceneStatus status, String userAgent, String ipAddress, Instant createdAt,
                            Instant expiresAt, boolean weChatHeld) {
    }

    public record Created(String sceneId, Instant expiresAt) {
    }

    @Inject
    QrSceneRepository scenes;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "triad.bank.qr-login.scene-seconds", defaultValue = "120")
    long sceneSeconds;

    /** A scene for the browser that holds {@code browserSecret} (a high-entropy value kept in its HTTP session). */
    public Created create(String browserSecret, String userAgent, String ipAddress) {
        if (browserSecret == null || browserSecret.length() < 32) {
            throw new IllegalArgumentException("A browser secret of at least 32 characters is required.");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        QrLoginScene scene = new QrLoginScene(Hashes.randomToken(), Hashes.sha256Hex(browserSecret),
                clip(userAgent, 250), clip(ipAddress, 64), now, Duration.ofSeconds(Math.max(1, sceneSeconds)));
        scenes.add(scene);
        return new Created(scene.id(), scene.expiresAt());
    }

    public long lifetimeSeconds() {
        return Math.max(1, sceneSeconds);
    }

    /** The scene's status only (what the waiting browser polls); unknown ids are answered as not found. */
    public QrSceneStatus status(String sceneId) {
        return find(sceneId).statusAt(Instant.now());
    }

    /** The phone opened the scene: marks it scanned and tells who is asking. */
    public SceneView open(String sceneId) {
        QrLoginScene scene = locked(sceneId);
        Instant now = Instant.now();
        if (scene.statusAt(now) == QrSceneStatus.PENDING) {
            scene.scanned(now);
        }
        return view(scene, now);
    }

    public SceneView view(String sceneId) {
        return view(find(sceneId), Instant.now());
    }

    public void confirm(String sceneId, long customerId) {
        QrLoginScene scene = locked(sceneId);
        scene.confirm(customerId, Instant.now());
        audit.record(customerId, "QR_LOGIN_CONFIRMED", "qr-scene", "browser ip " + scene.ipAddress());
    }

    public void reject(String sceneId, long customerId) {
        QrLoginScene scene = locked(sceneId);
        scene.reject(Instant.now());
        audit.record(customerId, "QR_LOGIN_REJECTED", "qr-scene", "browser ip " + scene.ipAddress());
    }

    /**
     * Uses the confirmed scene to sign its browser in.
     *
     * @return the customer who confirmed it
     * @throws QrSceneException if the scene is not confirmed, expired, used, rejected or not this browser's
     */
    public long consume(String sceneId, String browserSecret) {
        QrLoginScene scene = locked(sceneId);
        return scene.consume(browserSecret == null ? null : Hashes.sha256Hex(browserSecret), Instant.now());
    }

    /** The WeChat openid held on the browser's scene (scanned by an unbound WeChat user), if any. */
    public Optional<String> heldOpenid(String sceneId, String browserSecret) {
        return scenes.find(valid(sceneId)).filter(s -> s.heldBy(browserSecret == null ? null : Hashes.sha256Hex(browserSecret)))
                .map(QrLoginScene::wechatOpenid);
    }

    private QrLoginScene find(String sceneId) {
        return scenes.find(valid(sceneId)).orElseThrow(QrLogin::notFound);
    }

    private QrLoginScene locked(String sceneId) {
        return scenes.lock(valid(sceneId)).orElseThrow(QrLogin::notFound);
    }

    /** Scene ids are 43 base64url characters; anything else is not even looked up. */
    static String valid(String sceneId) {
        return sceneId != null && sceneId.matches("[A-Za-z0-9_-]{43}") ? sceneId : null;
    }

    private static QrSceneException notFound() {
        return new QrSceneException("not-found", "No such QR login.");
    }

    private static SceneView view(QrLoginScene s, Instant now) {
        return new SceneView(s.id(), s.statusAt(now), s.userAgent(), s.ipAddress(), s.createdAt(), s.expiresAt(),
                s.wechatOpenid() != null);
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.substring(0, Math.min(max, s.length()));
    }
}
