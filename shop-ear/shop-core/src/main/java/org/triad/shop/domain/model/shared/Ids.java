package org.triad.shop.domain.model.shared;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Primary keys of the shop's entities, assigned in Java before the insert (as the bank does, for the same reason:
 * EclipseLink's identity read-back does not work on H2 2.x in MySQL mode): milliseconds since 2025 shifted left by
 * 12 bits plus a per-JVM counter, unique within the server, roughly time-ordered and below 2^53.
 */
public final class Ids {

    private static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static long next() {
        long floor = (System.currentTimeMillis() - EPOCH_MILLIS) << 12;
        return LAST.updateAndGet(last -> Math.max(last + 1, floor));
    }
}
