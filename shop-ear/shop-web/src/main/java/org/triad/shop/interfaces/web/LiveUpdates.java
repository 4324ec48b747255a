package org.triad.shop.interfaces.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.shop.application.orders.OrderService;

/**
 * Server-sent events of order changes to every open page of the buyer and the seller concerned
 * ({@link LiveServlet}, {@code /live}). The database is the source, not this JVM: every second each instance reads
 * the orders changed in the last few seconds and pushes those whose version it has not pushed yet to its own
 * connections — so a change made on any cluster member reaches a page connected to any other one, and a restart
 * loses nothing (the page re-reads the order on each event). A comment line every 15 s keeps proxies from closing
 * idle streams and finds closed ones.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());
    private static final long WINDOW_SECONDS = 4;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    OrderService orders;

    private final Map<Long, Set<AsyncContext>> connections = new ConcurrentHashMap<>();
    private final Map<Long, Long> pushedVersions = new ConcurrentHashMap<>();
    private final Map<Long, Instant> pushedAt = new ConcurrentHashMap<>();
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> heartbeat;
    private volatile boolean primed;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        poll = scheduler.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
        heartbeat = scheduler.scheduleWithFixedDelay(() -> broadcastAll(":\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        connections.values().forEach(set -> set.forEach(ctx -> {
            try {
                ctx.complete();
            } catch (RuntimeException e) {
                // gone
            }
        }));
    }

    void register(long userId, AsyncContext context) {
        connections.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(context);
    }

    void unregister(long userId, AsyncContext context) {
        Set<AsyncContext> set = connections.get(userId);
        if (set != null) {
            set.remove(context);
        }
    }

    public int connectionCount() {
        return connections.values().stream().mapToInt(Set::size).sum();
    }

    private void poll() {
        if (connections.values().stream().allMatch(Set::isEmpty)) {
            // nobody to tell: no query; the next connected poll primes itself again without pushing old changes
            primed = false;
            pushedVersions.clear();
            pushedAt.clear();
            return;
        }
        try {
            Instant now = Instant.now();
            for (OrderService.Change c : orders.changedSince(now.minusSeconds(WINDOW_SECONDS))) {
                Long before = pushedVersions.put(c.orderId(), c.version());
                pushedAt.put(c.orderId(), now);
                if (primed && (before == null || before != c.version())) {
                    String event = "event: order\ndata: " + Json.createObjectBuilder().add("order", c.orderId())
                            .add("checkout", c.checkoutId()).add("status", c.status().name())
                            .add("version", c.version()).build() + "\n\n";
                    send(c.buyerId(), event);
                    send(c.sellerId(), event);
                }
            }
            primed = true;
            Instant old = now.minusSeconds(WINDOW_SECONDS * 3);
            pushedAt.entrySet().removeIf(e -> {
                boolean stale = e.getValue().isBefore(old);
                if (stale) {
                    pushedVersions.remove(e.getKey());
                }
                return stale;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Live update poll failed; the next one tries again", e);
        }
    }

    private void send(long userId, String event) {
        Set<AsyncContext> set = connections.get(userId);
        if (set != null) {
            set.forEach(ctx -> write(userId, ctx, event));
        }
    }

    private void broadcastAll(String text) {
        connections.forEach((user, set) -> set.forEach(ctx -> write(user, ctx, text)));
    }

    private void write(long userId, AsyncContext ctx, String text) {
        try {
            synchronized (ctx) {
                PrintWriter out = ctx.getResponse().getWriter();
                out.write(text);
                out.flush();
                if (out.checkError()) {
                    throw new IOException("closed");
                }
            }
        } catch (IOException | RuntimeException e) {
            unregister(userId, ctx);
            try {
                ctx.complete();
            } catch (RuntimeException gone) {
                // already completed
            }
        }
    }
}
