package org.triad.bank.interfaces.ratelimit;

import org.eclipse.microprofile.config.Config;

/**
 * One rule's limits from MicroProfile Config: {@code triad.bank.rate-limit.<name>.per-ip} (default 60),
 * {@code .per-account} (default 0 = not limited per account) and {@code .window-seconds} (default 60).
 */
public record RateLimitRule(String name, int perIp, int perAccount, long windowSeconds) {

    public static final String PREFIX = "triad.bank.rate-limit.";

    static RateLimitRule from(Config config, String name) {
        String p = PREFIX + name + ".";
        return new RateLimitRule(name,
                config.getOptionalValue(p + "per-ip", Integer.class).orElse(60),
                config.getOptionalValue(p + "per-account", Integer.class).orElse(0),
                Math.max(1, config.getOptionalValue(p + "window-seconds", Long.class).orElse(60L)));
    }

    long windowMillis() {
        return windowSeconds * 1000;
    }
}
