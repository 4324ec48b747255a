package org.triad.bank.application.login;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.login.QrLoginScene;
import org.triad.bank.domain.model.login.QrSceneRepository;
import org.triad.bank.domain.model.login.QrSceneStatus;
import org.triad.bank.domain.model.login.WeChatBinding;
import org.triad.bank.domain.model.login.WeChatBindingRepository;

/**
 * Sign-in through the bank's WeChat official account: a scan of a scene QR code (callback event) maps the scene
 * to the WeChat user's openid and that to a customer. A bound openid confirms the scene; an unbound one is held
 * until the waiting browser signs in another way, which binds it.
 */
@Stateless
public class WeChatLogin {

    public enum ScanOutcome { CONFIRMED, HELD, IGNORED }

    @Inject
    WeChatBindingRepository bindings;

    @Inject
    QrSceneRepository scenes;

    @Inject
    AuditLog audit;

    public ScanOutcome scanned(String sceneId, String openid, String unionid) {
        Instant now = Instant.now();
        WeChatBinding binding = bindings.findByOpenid(openid).orElseGet(() -> {
            WeChatBinding held = new WeChatBinding(openid, unionid, now);
            bindings.add(held);
            return held;
        });
        binding.seenUnionid(unionid);
        Optional<QrLoginScene> scene = scenes.lock(QrLogin.valid(sceneId));
        if (scene.isEmpty()) {
            return ScanOutcome.IGNORED;
        }
        QrSceneStatus status = scene.get().statusAt(now);
        if (status != QrSceneStatus.PENDING && status != QrSceneStatus.SCANNED) {
            return ScanOutcome.IGNORED;
        }
        if (binding.isBound()) {
            scene.get().confirm(binding.customerId(), now);
            audit.record(binding.customerId(), "QR_LOGIN_CONFIRMED", "qr-scene", "wechat");
            return ScanOutcome.CONFIRMED;
        }
        scene.get().holdWeChat(openid, now);
        return ScanOutcome.HELD;
    }

    /**
     * After the browser whose scene holds an unbound openid signed in another way: binds that openid to the
     * customer. Does nothing if the scene is not that browser's or holds no openid.
     */
    public boolean bindHeld(String sceneId, String browserSecret, long customerId) {
        Optional<QrLoginScene> scene = scenes.find(QrLogin.valid(sceneId))
                .filter(s -> s.heldBy(browserSecret == null ? null : Hashes.sha256Hex(browserSecret)))
                .filter(s -> s.wechatOpenid() != null);
        if (scene.isEmpty()) {
            return false;
        }
        Optional<WeChatBinding> binding = bindings.findByOpenid(scene.get().wechatOpenid());
        if (binding.isEmpty() || binding.get().isBound()) {
            return false;
        }
        binding.get().bind(customerId, Instant.now());
        audit.record(customerId, "WECHAT_BOUND", "customer:" + customerId, "openid " + binding.get().openid());
        return true;
    }

    /** The customer an openid is bound to, if any. */
    public Optional<Long> customerOf(String openid) {
        return bindings.findByOpenid(openid).map(WeChatBinding::customerId);
    }
}
