package org.triad.bank.infrastructure.wechat;

/**
 * The bank's calls to the WeChat official-account API. {@link HttpWeChatClient} is the implementation; nothing
 * else calls WeChat.
 */
public interface WeChatClient {

    /** A temporary scene QR code: WeChat's ticket and the URL of its image. */
    record SceneQrCode(String ticket, String imageUrl, long expireSeconds) {
    }

    /** Whether the adapter is configured (app id, app secret and token). */
    boolean enabled();

    /** The API access token, cached until shortly before it expires. */
    String accessToken();

    /** Creates a temporary QR code ({@code QR_STR_SCENE}) whose scan sends the scene id back in the callback. */
    SceneQrCode sceneQrCode(String sceneId, long expireSeconds);
}
