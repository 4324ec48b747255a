package org.triad.bank.domain.model.shared;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Primary keys of the bank's entities, assigned in Java before the insert: milliseconds since 2025 shifted left by
 * 12 bits plus a per-JVM counter, so ids are unique within the server, roughly time-ordered and below 2^53 (safe
 * as JSON numbers) for decades. Java-assigned keys keep the mapping portable: EclipseLink's H2 platform reads
 * identity columns with {@code CALL IDENTITY()}, which H2 2.x in MySQL mode no longer has. The primary key
 * constraint stays the final guard; a cluster of several instances would add instance bits here.
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
