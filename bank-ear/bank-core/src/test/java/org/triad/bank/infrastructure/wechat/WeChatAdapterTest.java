package org.triad.bank.infrastructure.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WeChat adapter's own parts: the HTTP client against a local stand-in of WeChat's API (JDK HTTP server on
 * the loopback address), the callback signature, and the safe XML parsing.
 */
class WeChatAdapterTest {

    private HttpServer server;
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final List<String> qrBodies = new CopyOnWriteArrayList<>();
    private volatile String qrAnswer = "{\"ticket\":\"T 1/x\",\"expire_seconds\":120,\"url\":\"http://127.0.0.1/q/x\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/token", ex -> {
            tokenCalls.incrementAndGet();
            assertThat(ex.getRequestURI().getQuery()).contains("grant_type=client_credential")
                    .contains("appid=wx-app").contains("secret=s3cret");
            answer(ex, "{\"access_token\":\"AT-" + tokenCalls.get() + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/qrcode/create", ex -> {
            qrBodies.add(ex.getRequestURI().getQuery() + " " + new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            answer(ex, qrAnswer);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange ex, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private HttpWeChatClient client() {
        WeChatSettings settings = new WeChatSettings();
        settings.appId = Optional.of("wx-app");
        settings.appSecret = Optional.of("s3cret");
        settings.token = Optional.of("tok");
        settings.apiUrl = Optional.of("http://127.0.0.1:" + server.getAddress().getPort());
        settings.qrImageUrl = Optional.of("https://127.0.0.1:1");
        HttpWeChatClient client = new HttpWeChatClient();
        client.settings = settings;
        return client;
    }

    @Test
    void createsSceneQrCodesWithACachedAccessToken() {
        HttpWeChatClient client = client();
        assertThat(client.enabled()).isTrue();
        WeChatClient.SceneQrCode first = client.sceneQrCode("scene-1", 120);
        WeChatClient.SceneQrCode second = client.sceneQrCode("scene-2", 120);

        assertThat(tokenCalls.get()).isEqualTo(1);
        assertThat(first.ticket()).isEqualTo("T 1/x");
        assertThat(first.imageUrl()).isEqualTo("https://127.0.0.1:1/cgi-bin/showqrcode?ticket=T+1%2Fx");
        assertThat(second.expireSeconds()).isEqualTo(120);
        assertThat(qrBodies).hasSize(2);
        assertThat(qrBodies.get(0)).startsWith("access_token=AT-1 ").contains("\"action_name\":\"QR_STR_SCENE\"")
                .contains("\"scene_str\":\"scene-1\"").contains("\"expire_seconds\":120");
    }

    @Test
    void weChatErrorsBecomeExceptionsWithoutTheSecret() {
        qrAnswer = "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}";
        assertThatThrownBy(() -> client().sceneQrCode("scene-1", 120))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("40001")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theAdapterIsOffUnlessAppIdSecretAndTokenAreSet() {
        WeChatSettings settings = new WeChatSettings();
        settings.appId = Optional.of("wx-app");
        settings.appSecret = Optional.empty();
        settings.token = Optional.of("tok");
        assertThat(settings.enabled()).isFalse();
    }

    @Test
    void signatureIsSha1OfTheSortedJoinedValues() {
        // sorted: "1409304348" < "nonce" < "tok" → sha1("1409304348noncetok")
        String expected = java.util.HexFormat.of().formatHex(sha1("1409304348noncetok"));
        assertThat(WeChatSignature.of("tok", "1409304348", "nonce")).isEqualTo(expected);
        assertThat(WeChatSignature.valid("tok", "1409304348", "nonce", expected.toUpperCase())).isTrue();
        assertThat(WeChatSignature.valid("tok", "1409304348", "nonce2", expected)).isFalse();
        assertThat(WeChatSignature.valid("", "1409304348", "nonce", WeChatSignature.of("", "1409304348", "nonce")))
                .isFalse();
        assertThat(WeChatSignature.valid("tok", null, "nonce", expected)).isFalse();
    }

    private static byte[] sha1(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scanAndSubscribeEventsNameTheirScene() {
        WeChatEvent scan = WeChatEvent.parse(("<xml><FromUserName><![CDATA[o1]]></FromUserName><MsgType>event</MsgType>"
                + "<Event>SCAN</Event><EventKey>abc</EventKey><UnionId>u1</UnionId></xml>").getBytes(StandardCharsets.UTF_8));
        assertThat(scan.sceneId()).contains("abc");
        assertThat(scan.openid()).isEqualTo("o1");
        assertThat(scan.unionid()).isEqualTo("u1");
        WeChatEvent subscribe = WeChatEvent.parse(("<xml><FromUserName>o2</FromUserName><MsgType>event</MsgType>"
                + "<Event>subscribe</Event><EventKey>qrscene_xyz</EventKey></xml>").getBytes(StandardCharsets.UTF_8));
        assertThat(subscribe.sceneId()).contains("xyz");
        WeChatEvent plainSubscribe = WeChatEvent.parse(("<xml><FromUserName>o3</FromUserName><MsgType>event</MsgType>"
                + "<Event>subscribe</Event><EventKey></EventKey></xml>").getBytes(StandardCharsets.UTF_8));
        assertThat(plainSubscribe.sceneId()).isEmpty();
        WeChatEvent text = WeChatEvent.parse(("<xml><FromUserName>o4</FromUserName><MsgType>text</MsgType>"
                + "<Content>hi</Content></xml>").getBytes(StandardCharsets.UTF_8));
        assertThat(text.sceneId()).isEmpty();
    }

    @Test
    void doctypesExternalEntitiesAndMalformedXmlAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><FromUserName>&e;</FromUserName><MsgType>event</MsgType></xml>";
        assertThatThrownBy(() -> WeChatEvent.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<xml><FromUserName>&b;</FromUserName></xml>";
        assertThatThrownBy(() -> WeChatEvent.parse(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeChatEvent.parse("<xml><FromUserName>o".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeChatEvent.parse("<other><FromUserName>o</FromUserName></other>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeChatEvent.parse("<xml><MsgType>event</MsgType></xml>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }
}
