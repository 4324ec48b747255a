package org.triad.bank.application.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The identity settings from MicroProfile Config (see docs/configuration.md, "Tokens and devices"). Lifetimes that
 * the contract fixes (access token 15 minutes, refresh token and API/OAuth device session 7 days) are constants.
 */
@ApplicationScoped
public class IdentitySettings {

    /** Lifetime of access tokens (the {@code exp - iat} of every JWT the bank issues as access token). */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    /** Lifetime of refresh tokens, and of API and OAuth device sessions since their last refresh. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);

    /**
     * Scopes of first-party access tokens (the bank's own apps and API clients): every platform scope. Resources
     * that must stay first-party (device management) check the {@code client_id} instead.
     */
    public static final Set<String> FIRST_PARTY_SCOPES = Set.of("openid", "profile", "email", "phone", "identify",
            "cards:read", "payments");

    // the defaults, replaced from the configuration at start-up
    private String issuer = "https://localhost:9443/bank";
    private String firstPartyClientId = "triad-bank";
    private Set<String> firstPartyAudiences = Set.of(issuer);
    private Duration refreshGrace = Duration.ofSeconds(30);
    private Duration portalSessionLifetime = Duration.ofMinutes(60);

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig(IdentitySettings.class.getClassLoader());
        String publicUrl = config.getOptionalValue("triad.bank.public-url", String.class)
                .orElse("https://localhost:9443/bank");
        issuer = config.getOptionalValue("triad.bank.issuer", String.class).filter(s -> !s.isBlank()).orElse(publicUrl);
        firstPartyClientId = config.getOptionalValue("triad.bank.first-party-client-id", String.class)
                .orElse("triad-bank");
        String audiences = config.getOptionalValue("triad.bank.first-party-audiences", String.class).orElse(issuer);
        firstPartyAudiences = Set.copyOf(new LinkedHashSet<>(Arrays.stream(audiences.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        refreshGrace = Duration.ofSeconds(Math.max(0,
                config.getOptionalValue("triad.bank.refresh-grace-seconds", Long.class).orElse(30L)));
        portalSessionLifetime = Duration.ofMinutes(Math.max(1,
                config.getOptionalValue("triad.bank.portal-session-minutes", Long.class).orElse(60L)));
    }

    /** {@code iss} of every token, {@code triad.bank.issuer} (default {@code triad.bank.public-url}). */
    public String issuer() {
        return issuer;
    }

    /** The client id of the bank's own apps and API clients ({@code triad.bank.first-party-client-id}). */
    public String firstPartyClientId() {
        return firstPartyClientId;
    }

    /**
     * {@code aud} of first-party access tokens: the platform's own resource servers
     * ({@code triad.bank.first-party-audiences}, comma-separated; default the issuer).
     */
    public Set<String> firstPartyAudiences() {
        return firstPartyAudiences;
    }

    /** How long a rotated refresh token still yields the same successor ({@code triad.bank.refresh-grace-seconds}). */
    public Duration refreshGrace() {
        return refreshGrace;
    }

    /** Idle lifetime of a portal browser session ({@code triad.bank.portal-session-minutes}, sliding). */
    public Duration portalSessionLifetime() {
        return portalSessionLifetime;
    }
}
