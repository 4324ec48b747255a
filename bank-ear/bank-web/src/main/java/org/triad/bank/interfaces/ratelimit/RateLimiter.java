package org.triad.bank.interfaces.ratelimit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Request counters shared by every instance of the bank: a JCache cache ({@code triad.bank.rate-limit.cache},
 * default {@code triad-bank-rate-limits}) of Payara's Hazelcast data grid, looked up at JNDI
 * {@code payara/CacheManager}. Never a JVM-local map: behind a load balancer each instance would otherwise allow the
 * full limit.
 *
 * <p>Keys are {@code <rule>|ip|<address>} and {@code <rule>|account|<customer id>}; values are {@link Window}s as
 * text. A count is raised by compare-and-set ({@code putIfAbsent} / {@code replace(key, old, new)}), which Hazelcast
 * executes atomically on the key's partition owner, retried on contention. This needs no application class inside
 * the grid (an {@code EntryProcessor} would have to be deserialised on every member with the application's class
 * loader). Entries expire an hour after their last change; a window itself ends by its start time.
 *
 * <p>If the grid cannot be reached the request is let through and the failure logged: the wrong-password and
 * wrong-pay-password lockouts in the database still protect the accounts, and a broken cache must not stop
 * the bank.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final int MAX_CAS_ATTEMPTS = 50;

    /** The outcome of one check: allowed, or refused with the seconds after which to retry. */
    public record Verdict(boolean allowed, long retryAfterSeconds, String rule, String scope) {
        static final Verdict ALLOWED = new Verdict(true, 0, null, null);
    }

    private final Map<String, RateLimitRule> rules = new ConcurrentHashMap<>();
    private Config config;
    private boolean enabled;
    private String cacheName;
    private Set<String> trustedProxies;
    private volatile Cache<String, String> cache;

    @PostConstruct
    void init() {
        config = ConfigProvider.getConfig(RateLimiter.class.getClassLoader());
        enabled = config.getOptionalValue(RateLimitRule.PREFIX + "enabled", Boolean.class).orElse(true);
        cacheName = config.getOptionalValue(RateLimitRule.PREFIX + "cache", String.class)
                .orElse("triad-bank-rate-limits");
        trustedProxies = ClientAddress.parse(config.getOptionalValue("triad.bank.trusted-proxies", String.class)
                .orElse(null));
    }

    /** The client's address, from {@code X-Forwarded-For} only behind a trusted proxy. */
    public String clientAddress(HttpServletRequest request) {
        return ClientAddress.of(request, trustedProxies);
    }

    public RateLimitRule rule(String name) {
        return rules.computeIfAbsent(name, n -> RateLimitRule.from(config, n));
    }

    /**
     * Counts one request under {@code rule} for the address and, if the rule limits accounts and the caller is
     * known, for the account. Refused requests are not counted.
     *
     * @param account the signed-in customer's id, or {@code null}
     */
    public Verdict hit(String ruleName, String address, String account) {
        if (!enabled) {
            return Verdict.ALLOWED;
        }
        RateLimitRule rule = rule(ruleName);
        if (account != null && rule.perAccount() > 0) {
            // the account first: a client that is over its account's limit should not use up its address's budget
            Verdict v = count(rule, "account", account, rule.perAccount(), true);
            if (!v.allowed()) {
                return v;
            }
        }
        if (address != null && rule.perIp() > 0) {
            return count(rule, "ip", address, rule.perIp(), true);
        }
        return Verdict.ALLOWED;
    }

    /** Whether the address is already over the rule's limit, without counting (before checking a password). */
    public Verdict check(String ruleName, String address) {
        if (!enabled || address == null) {
            return Verdict.ALLOWED;
        }
        RateLimitRule rule = rule(ruleName);
        return rule.perIp() > 0 ? count(rule, "ip", address, rule.perIp(), false) : Verdict.ALLOWED;
    }

    private Verdict count(RateLimitRule rule, String scope, String subject, int limit, boolean hit) {
        String key = rule.name() + "|" + scope + "|" + subject;
        try {
            Cache<String, String> counters = cache();
            for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
                String stored = counters.get(key);
                long now = System.currentTimeMillis();
                Window current = Window.decode(stored);
                Window.Decision d = hit ? Window.hit(current, now, limit, rule.windowMillis())
                        : Window.peek(current, now, limit, rule.windowMillis());
                if (!d.allowed()) {
                    return new Verdict(false, d.retryAfterSeconds(), rule.name(), scope);
                }
                if (!hit) {
                    return Verdict.ALLOWED;
                }
                String next = d.next().encode();
                boolean stored2 = stored == null ? counters.putIfAbsent(key, next) : counters.replace(key, stored, next);
                if (stored2) {
                    return Verdict.ALLOWED;
                }
            }
            LOG.warning(() -> "Rate limit counter " + key + " too contended; request let through");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Rate limit store unavailable; request let through", e);
        }
        return Verdict.ALLOWED;
    }

    private Cache<String, String> cache() {
        Cache<String, String> c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = openCache();
                    cache = c;
                }
            }
        }
        return c;
    }

    private Cache<String, String> openCache() {
        CacheManager manager;
        try {
            manager = (CacheManager) new InitialContext().lookup("payara/CacheManager");
        } catch (NamingException e) {
            throw new CacheException("JCache (payara/CacheManager) is not available; is Hazelcast enabled?", e);
        }
        Cache<String, String> existing = manager.getCache(cacheName, String.class, String.class);
        if (existing != null) {
            return existing;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, 1)));
        try {
            return manager.createCache(cacheName, configuration);
        } catch (CacheException e) {
            // another instance or thread created it meanwhile
            Cache<String, String> created = manager.getCache(cacheName, String.class, String.class);
            if (created == null) {
                throw e;
            }
            return created;
        }
    }
}
