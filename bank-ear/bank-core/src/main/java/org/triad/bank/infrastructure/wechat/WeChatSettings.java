package org.triad.bank.infrastructure.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The WeChat official-account settings ({@code triad.bank.wechat.*}); the adapter is off unless all are set. */
@ApplicationScoped
public class WeChatSettings {

    @Inject
    @ConfigProperty(name = "triad.bank.wechat.app-id")
    Optional<String> appId;

    @Inject
    @ConfigProperty(name = "triad.bank.wechat.app-secret")
    Optional<String> appSecret;

    @Inject
    @ConfigProperty(name = "triad.bank.wechat.token")
    Optional<String> token;

    /** Base URL of WeChat's API (its {@code /cgi-bin/...} paths are appended). */
    @Inject
    @ConfigProperty(name = "triad.bank.wechat.api-url")
    Optional<String> apiUrl;

    /** Base URL of WeChat's QR image service ({@code /cgi-bin/showqrcode?ticket=...} is appended). */
    @Inject
    @ConfigProperty(name = "triad.bank.wechat.qr-image-url")
    Optional<String> qrImageUrl;

    /** Largest callback body read, in bytes. */
    @Inject
    @ConfigProperty(name = "triad.bank.wechat.max-callback-bytes", defaultValue = "16384")
    int maxCallbackBytes;

    public boolean enabled() {
        return present(appId) && present(appSecret) && present(token);
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }

    public String appId() {
        return appId.orElse("");
    }

    public String appSecret() {
        return appSecret.orElse("");
    }

    public String token() {
        return token.orElse("");
    }

    public String apiUrl() {
        return apiUrl.orElseThrow(() -> new IllegalStateException("triad.bank.wechat.api-url is not configured"));
    }

    public String qrImageUrl() {
        return qrImageUrl.orElse(apiUrl());
    }

    public int maxCallbackBytes() {
        return maxCallbackBytes;
    }
}
