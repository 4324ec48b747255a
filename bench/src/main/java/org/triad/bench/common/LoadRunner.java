package org.triad.bench.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an operation from a number of threads ("clients"), closed loop: each thread starts its next
 * operation as soon as the previous one completed. Either a fixed number of operations shared by
 * all threads, or as many as fit in a fixed time. Latency is measured around each operation with
 * {@link System#nanoTime()}; the wall time runs from the common start to the last completion.
 */
public final class LoadRunner {

    /** One operation. Return false or throw for a failure; failures are counted, not timed. */
    @FunctionalInterface
    public interface Op {
        boolean run(int index) throws Exception;
    }

    private LoadRunner() {
    }

    /** Operations {@code firstIndex .. firstIndex+count-1}, each exactly once, over {@code threads} threads. */
    public static Stats fixedCount(String name, int threads, int firstIndex, int count, Op op) {
        long[] latencies = new long[count];
        boolean[] success = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long wall = runThreads(name, threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                long start = System.nanoTime();
                boolean ok;
                try {
                    ok = op.run(firstIndex + i);
                } catch (Exception e) {
                    firstError.compareAndSet(null, e);
                    ok = false;
                }
                latencies[i] = System.nanoTime() - start;
                success[i] = ok;
                if (!ok) {
                    errors.incrementAndGet();
                }
            }
        });
        reportFirstError(name, firstError.get());
        long[] okLatencies = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (success[i]) {
                okLatencies[n++] = latencies[i];
            }
        }
        return Stats.of(Arrays.copyOf(okLatencies, n), errors.get(), wall);
    }

    /**
     * As many operations as each thread completes within {@code duration}. Thread t passes indexes
     * t, t+threads, t+2*threads, ... so that no two threads use the same index.
     */
    public static Stats fixedDuration(String name, int threads, Duration duration, Op op) {
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            perThread.add(new long[1024]);
        }
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        AtomicInteger threadIds = new AtomicInteger();
        long durationNanos = duration.toNanos();
        long wall = runThreads(name, threads, () -> {
            int t = threadIds.getAndIncrement();
            long[] mine = perThread.get(t);
            int n = 0;
            long deadline = System.nanoTime() + durationNanos;
            for (int k = 0; ; k++) {
                long start = System.nanoTime();
                if (start >= deadline) {
                    break;
                }
                boolean ok;
                try {
                    ok = op.run(t + k * threads);
                } catch (Exception e) {
                    firstError.compareAndSet(null, e);
                    ok = false;
                }
                long latency = System.nanoTime() - start;
                if (ok) {
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = latency;
                } else {
                    errors.incrementAndGet();
                }
            }
            perThread.set(t, mine);
            counts[t] = n;
        });
        reportFirstError(name, firstError.get());
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        return Stats.of(all, errors.get(), wall);
    }

    /** Starts the threads together, waits for all of them; returns the wall time in nanoseconds. */
    private static long runThreads(String name, int threads, Runnable body) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                body.run();
            }, name + "-" + t);
            thread.start();
            started.add(thread);
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread thread : started) {
                thread.join();
            }
            return Math.max(System.nanoTime() - start, 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void reportFirstError(String name, Throwable error) {
        if (error != null) {
            System.err.println("[bench] " + name + ": first failure: " + error);
        }
    }
}
