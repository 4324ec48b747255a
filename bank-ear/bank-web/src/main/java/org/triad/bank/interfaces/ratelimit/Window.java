package org.triad.bank.interfaces.ratelimit;

/**
 * A fixed window that starts with the first counted request of a subject: {@code count} requests since
 * {@code start} (epoch milliseconds). Immutable; stored in the cache as the text {@code start:count} so that the
 * grid needs none of the application's classes and compare-and-set works on plain strings.
 */
public record Window(long start, int count) {

    /** What one request gets: allowed or not, the window to store if allowed, and when to retry if not. */
    public record Decision(boolean allowed, Window next, long retryAfterSeconds) {
    }

    /**
     * Counts one request at {@code now}. A window that has ended (or none) starts afresh at {@code now}. A request
     * over the limit is not counted, so a client that keeps hammering does not extend its own block.
     *
     * @param current the stored window or {@code null}
     */
    public static Decision hit(Window current, long now, int limit, long lengthMillis) {
        if (current == null || current.hasEnded(now, lengthMillis)) {
            return limit >= 1 ? new Decision(true, new Window(now, 1), 0)
                    : new Decision(false, null, retryAfter(now, now, lengthMillis));
        }
        if (current.count < limit) {
            return new Decision(true, new Window(current.start, current.count + 1), 0);
        }
        return new Decision(false, null, retryAfter(current.start, now, lengthMillis));
    }

    /** Whether a request at {@code now} would be refused, without counting it (for a pre-check). */
    public static Decision peek(Window current, long now, int limit, long lengthMillis) {
        if (current == null || current.hasEnded(now, lengthMillis) || current.count < limit) {
            return new Decision(true, current, 0);
        }
        return new Decision(false, null, retryAfter(current.start, now, lengthMillis));
    }

    boolean hasEnded(long now, long lengthMillis) {
        // a clock that went backwards by more than a window (another instance's clock) also starts afresh
        return now >= start + lengthMillis || now < start - lengthMillis;
    }

    /** Whole seconds until the window ends, at least 1 (RFC 9110 Retry-After is in seconds). */
    static long retryAfter(long start, long now, long lengthMillis) {
        long millis = start + lengthMillis - now;
        return Math.max(1, (millis + 999) / 1000);
    }

    public String encode() {
        return start + ":" + count;
    }

    /** {@code null} for {@code null} or anything unreadable (then the window starts afresh). */
    public static Window decode(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        try {
            return colon < 0 ? null
                    : new Window(Long.parseLong(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
