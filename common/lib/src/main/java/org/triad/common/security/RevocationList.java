package org.triad.common.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform-wide list of revoked device sessions, keyed by session handle (the {@code sid} claim of access
 * tokens), with the instant until which the entry matters as value (epoch seconds). It lives in Payara's Hazelcast
 * data grid, shared by every application of the domain and every instance of the cluster; the bank writes it (and
 * fills it from its {@code revoked_session} table at start-up), every resource server reads it for each request.
 * Entries expire {@link #ENTRY_LIFETIME} after they were written: by then every access token of the session has
 * expired.
 *
 * <p>Two stores are supported, chosen by {@code triad.security.revocation-store}:
 * <ul>
 *   <li>{@code jcache} (default): the JCache cache {@value #NAME} of JNDI {@code payara/CacheManager}. Measured on
 *       Payara 6.2025.9: every application of the domain gets a cache manager with URI {@code hazelcast} and the
 *       Hazelcast bundle's class loader (not the application's), so the bank and the shop see the same cache
 *       (docs/identity.md, "Measured");</li>
 *   <li>{@code hazelcast-map}: the Hazelcast {@code IMap} {@value #NAME}, through the {@code HazelcastInstance} at
 *       JNDI {@code payara/Hazelcast} — one map per cluster by name, whichever application asks; the fallback should
 *       a Payara version scope JCache per application.</li>
 * </ul>
 * The Hazelcast API is called reflectively: no application class needs to be on the grid's class path, and the
 * common library does not depend on Payara's Hazelcast version.
 *
 * <p>Reading fails closed: if the store cannot be reached, {@link #isRevoked(String)} throws
 * {@link IllegalStateException} and the validator refuses the token.
 */
public final class RevocationList {

    /** Name of the map (or cache) in the data grid. */
    public static final String NAME = "triad-revoked-sessions";

    /** How long an entry is kept: longer than any access token lives (15 minutes) plus clock skew. */
    public static final Duration ENTRY_LIFETIME = Duration.ofMinutes(20);

    private static final Logger LOG = Logger.getLogger(RevocationList.class.getName());
    private static final Object SHARED_LOCK = new Object();
    private static volatile RevocationList shared;

    /** Where the entries live. */
    public interface Store {

        /** The entry's value (epoch seconds until which it matters), or {@code null}. */
        Long get(String handle);

        /** Adds or replaces an entry; it disappears after {@code ttl}. */
        void put(String handle, long untilEpochSecond, Duration ttl);
    }

    private final Supplier<Store> opener;
    private volatile Store store;

    /** A list over a store that is opened on first use (and again after a failure to open it). */
    public RevocationList(Supplier<Store> opener) {
        this.opener = Objects.requireNonNull(opener);
    }

    /** A JVM-local list, for unit tests and benchmarks only: it is not shared with anybody. */
    public static RevocationList inMemory() {
        Map<String, Long> map = new ConcurrentHashMap<>();
        return new RevocationList(() -> new Store() {
            @Override
            public Long get(String handle) {
                return map.get(handle);
            }

            @Override
            public void put(String handle, long untilEpochSecond, Duration ttl) {
                map.put(handle, untilEpochSecond);
            }
        });
    }

    /** The data grid's list, as configured by {@code triad.security.revocation-store}; one per class loader. */
    public static RevocationList shared() {
        RevocationList r = shared;
        if (r == null) {
            synchronized (SHARED_LOCK) {
                r = shared;
                if (r == null) {
                    String kind = ConfigProvider.getConfig(RevocationList.class.getClassLoader())
                            .getOptionalValue("triad.security.revocation-store", String.class).orElse("jcache");
                    Supplier<Store> opener = switch (kind) {
                        case "jcache" -> RevocationList::openJCache;
                        case "hazelcast-map" -> RevocationList::openHazelcastMap;
                        default -> throw new IllegalStateException(
                                "triad.security.revocation-store must be hazelcast-map or jcache, not " + kind);
                    };
                    r = new RevocationList(() -> {
                        Store store = opener.get();
                        LOG.info(() -> "Revocation list " + NAME + " in the data grid: " + kind + " (" + store + ")");
                        return store;
                    });
                    shared = r;
                }
            }
        }
        return r;
    }

    /**
     * Whether the device session with this handle was revoked (and its tokens may still be unexpired).
     *
     * @throws IllegalStateException if the store cannot be reached
     */
    public boolean isRevoked(String handle) {
        if (handle == null) {
            return false;
        }
        Long until = store().get(handle);
        return until != null && until >= Instant.now().getEpochSecond();
    }

    /** Lists a revoked session until {@code until} (at most {@link #ENTRY_LIFETIME} from now is kept). */
    public void revoke(String handle, Instant until) {
        Duration ttl = Duration.between(Instant.now(), until);
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        if (ttl.compareTo(ENTRY_LIFETIME) > 0) {
            ttl = ENTRY_LIFETIME;
        }
        store().put(handle, until.getEpochSecond(), ttl);
    }

    private Store store() {
        Store s = store;
        if (s == null) {
            synchronized (this) {
                s = store;
                if (s == null) {
                    s = opener.get();
                    store = s;
                }
            }
        }
        return s;
    }

    // --- the stores ---------------------------------------------------------------------------------------------

    private static Object lookup(String name) {
        try {
            return new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(name + " is not available; is Payara's Hazelcast enabled?", e);
        }
    }

    /** The cluster's {@code IMap}, through the {@code HazelcastInstance} Payara binds at {@code payara/Hazelcast}. */
    static Store openHazelcastMap() {
        Object hazelcast = lookup("payara/Hazelcast");
        try {
            ClassLoader loader = hazelcast.getClass().getClassLoader();
            Class<?> instanceType = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader);
            Class<?> mapType = Class.forName("com.hazelcast.map.IMap", false, loader);
            Object imap = instanceType.getMethod("getMap", String.class).invoke(hazelcast, NAME);
            @SuppressWarnings("unchecked")
            Map<String, Long> map = (Map<String, Long>) imap;
            Method putWithTtl = mapType.getMethod("set", Object.class, Object.class, long.class, TimeUnit.class);
            return new Store() {
                @Override
                public String toString() {
                    return "IMap " + NAME + " of " + hazelcast;
                }

                @Override
                public Long get(String handle) {
                    return map.get(handle);
                }

                @Override
                public void put(String handle, long untilEpochSecond, Duration ttl) {
                    try {
                        putWithTtl.invoke(imap, handle, untilEpochSecond, ttl.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payara's HazelcastInstance does not offer IMap as expected", e);
        }
    }

    /** The JCache cache of {@code payara/CacheManager}. */
    static Store openJCache() {
        CacheManager manager = (CacheManager) lookup("payara/CacheManager");
        Cache<String, Long> cache = manager.getCache(NAME, String.class, Long.class);
        if (cache == null) {
            MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
                    .setTypes(String.class, Long.class)
                    .setStoreByValue(true)
                    .setStatisticsEnabled(false)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, ENTRY_LIFETIME.toSeconds())));
            try {
                cache = manager.createCache(NAME, configuration);
            } catch (CacheException e) {
                cache = manager.getCache(NAME, String.class, Long.class);
                if (cache == null) {
                    throw e;
                }
            }
        }
        Cache<String, Long> c = cache;
        String description = "JCache " + c.getName() + " of " + manager.getURI() + " (class loader "
                + manager.getClassLoader() + ")";
        return new Store() {
            @Override
            public String toString() {
                return description;
            }

            @Override
            public Long get(String handle) {
                return c.get(handle);
            }

            @Override
            public void put(String handle, long untilEpochSecond, Duration ttl) {
                c.put(handle, untilEpochSecond);
            }
        };
    }
}
