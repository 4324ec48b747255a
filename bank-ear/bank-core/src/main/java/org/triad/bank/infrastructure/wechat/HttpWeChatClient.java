package org.triad.bank.infrastructure.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link WeChatClient} over HTTPS with {@code java.net.http}: {@code cgi-bin/token} (client credential) and
 * {@code cgi-bin/qrcode/create} ({@code QR_STR_SCENE}); the image is {@code cgi-bin/showqrcode?ticket=}. The access
 * token is cached until a minute before WeChat says it expires. Errors (WeChat's {@code errcode}) become
 * {@link IllegalStateException}s without the secret.
 */
@ApplicationScoped
public class HttpWeChatClient implements WeChatClient {

    @Inject
    WeChatSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String token;
    private volatile Instant tokenExpires = Instant.EPOCH;

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public synchronized String accessToken() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        JsonObject answer = call(HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/cgi-bin/token?grant_type=client_credential&appid="
                + enc(settings.appId()) + "&secret=" + enc(settings.appSecret()))).GET());
        token = answer.getString("access_token");
        tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.getInt("expires_in", 7200) - 60));
        return token;
    }

    @Override
    public SceneQrCode sceneQrCode(String sceneId, long expireSeconds) {
        String body = Json.createObjectBuilder().add("expire_seconds", expireSeconds).add("action_name", "QR_STR_SCENE")
                .add("action_info", Json.createObjectBuilder().add("scene", Json.createObjectBuilder()
                        .add("scene_str", sceneId))).build().toString();
        JsonObject answer = call(HttpRequest.newBuilder(URI.create(settings.apiUrl()
                        + "/cgi-bin/qrcode/create?access_token=" + enc(accessToken())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        String ticket = answer.getString("ticket");
        return new SceneQrCode(ticket, settings.qrImageUrl() + "/cgi-bin/showqrcode?ticket=" + enc(ticket),
                answer.getInt("expire_seconds", (int) expireSeconds));
    }

    private JsonObject call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("WeChat answered HTTP " + response.statusCode());
            }
            JsonObject json;
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                json = reader.readObject();
            }
            if (json.getInt("errcode", 0) != 0) {
                throw new IllegalStateException("WeChat error " + json.getInt("errcode") + ": " + json.getString("errmsg", ""));
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("WeChat is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
