package org.triad.bank.interfaces.oauth.rest;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triad.bank.application.support.Hashes;

/**
 * Authorization requests of this browser session waiting for sign-in ({@code resume}, the raw parameters) or for
 * consent (checked requests), each under a random id; at most a few, the oldest dropped.
 */
@SessionScoped
public class PendingAuthorizations implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX = 8;

    private final Map<String, PendingAuthorization> checked = bounded();
    private final Map<String, Parked> raw = bounded();

    /**
     * A request parked while the browser signs in, and when (whole seconds, as sign-in times are stored): a sign-in
     * at or after that instant was made for this request, which is what {@code prompt=login} and {@code max_age}
     * ask for.
     */
    public record Parked(Map<String, List<String>> parameters, Instant parkedAt) implements Serializable {
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX;
            }
        };
    }

    public synchronized String keepRaw(Map<String, List<String>> parameters) {
        String id = Hashes.randomToken();
        raw.put(id, new Parked(parameters, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return id;
    }

    public synchronized Parked takeRaw(String id) {
        return id == null ? null : raw.remove(id);
    }

    public synchronized PendingAuthorization keep(PendingAuthorization request) {
        checked.put(request.id(), request);
        return request;
    }

    public synchronized PendingAuthorization peek(String id) {
        return id == null ? null : checked.get(id);
    }

    public synchronized PendingAuthorization take(String id) {
        return id == null ? null : checked.remove(id);
    }
}
