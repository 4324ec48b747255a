package org.triad.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.common.domain.DomainException;

/**
 * The closed-loop harness of the in-container benchmarks ({@link LedgerBench}, {@link PaymentsBench}): a warm-up,
 * then {@code clients} threads calling one operation for a fixed time. Output per phase, read by the
 * {@code bench/run-*.sh} scripts: {@code phase <name> <clients> <wall ns> <refused> <errors>} and
 * {@code lat <ns> <ns> ...} (only successful calls are timed; a refusal by a business rule is counted).
 */
final class InContainerBench {

    /** One call by client {@code client}; false (or a domain exception) when it was refused. */
    interface Operation {
        boolean run(int client) throws Exception;
    }

    /** What a call needs made first, not timed (e.g. the payment that the timed call then pays). */
    interface Preparation<T> {
        T prepare(int client) throws Exception;
    }

    /** A timed call on what {@link Preparation} made. */
    interface PreparedOperation<T> {
        boolean run(int client, T prepared) throws Exception;
    }

    private InContainerBench() {
    }

    static String phase(String name, int clients, double warmup, double seconds, Operation op) throws Exception {
        return phase(name, clients, warmup, seconds, client -> null, (client, nothing) -> op.run(client));
    }

    static <T> String phase(String name, int clients, double warmup, double seconds, Preparation<T> prepare,
                            PreparedOperation<T> op) throws Exception {
        loop(name, clients, warmup, prepare, op);
        Object[] measured = loop(name, clients, seconds, prepare, op);
        long[] latencies = (long[]) measured[0];
        StringBuilder line = new StringBuilder("phase ").append(name).append(' ').append(clients).append(' ')
                .append(measured[1]).append(' ').append(measured[2]).append(' ').append(measured[3])
                .append("\nlat");
        for (long l : latencies) {
            line.append(' ').append(l);
        }
        return line.append('\n').toString();
    }

    private static <T> Object[] loop(String name, int clients, double seconds, Preparation<T> prepare,
                                     PreparedOperation<T> op) throws Exception {
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            final int client = t;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int count = 0;
                start.await();
                long deadline = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < deadline) {
                    try {
                        T prepared = prepare.prepare(client);
                        long t0 = System.nanoTime();
                        boolean done = op.run(client, prepared);
                        long took = System.nanoTime() - t0;
                        if (!done) {
                            refused.incrementAndGet();
                            continue;
                        }
                        if (count == lat.length) {
                            lat = Arrays.copyOf(lat, count * 2);
                        }
                        lat[count++] = took;
                    } catch (DomainException e) {
                        refused.incrementAndGet();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            Logger.getLogger(InContainerBench.class.getName()).log(Level.WARNING, name + " failed", e);
                        }
                    }
                }
                return Arrays.copyOf(lat, count);
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<long[]> f : futures) {
            perThread.add(f.get((long) seconds + 120, TimeUnit.SECONDS));
        }
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        return new Object[] {all, wall, refused.get(), errors.get()};
    }
}
