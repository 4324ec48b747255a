package org.triad.bank;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.triad.bank.infrastructure.wechat.WeChatClient;

/**
 * WeChat is unreachable from tests: this alternative (enabled only in the test deployment, whose WAR it is added
 * to) answers the two API calls the bank makes, with a ticket and image URL derived from the scene.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class TestWeChatClient implements WeChatClient {

    static final String IMAGE_BASE = "https://localhost:9443/wechat-test/showqrcode?ticket=";

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String accessToken() {
        return "test-access-token";
    }

    @Override
    public SceneQrCode sceneQrCode(String sceneId, long expireSeconds) {
        return new SceneQrCode("ticket-" + sceneId, IMAGE_BASE + "ticket-" + sceneId, expireSeconds);
    }
}
