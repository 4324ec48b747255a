package org.triad.bench.common;

import java.util.Arrays;

/**
 * Throughput and latency of one measured phase: successful operations, failed operations, the wall
 * time of the phase and the latency of every successful operation.
 *
 * <p>Percentiles use the nearest-rank method: the p-th percentile of n sorted samples is the sample
 * at rank ceil(p/100 * n) (1-based), so p100 is the maximum and every reported value was observed.
 */
public record Stats(long ok, long errors, long wallNanos, double throughput,
                    double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {

    /**
     * @param latenciesNanos latencies of the successful operations (not modified)
     * @param errors         failed operations (not part of the latencies nor of the throughput)
     * @param wallNanos      wall time of the phase, first start to last completion
     */
    public static Stats of(long[] latenciesNanos, long errors, long wallNanos) {
        if (wallNanos <= 0) {
            throw new IllegalArgumentException("wall time must be positive");
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Stats(n, errors, wallNanos, n / (wallNanos / 1e9),
                ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(n == 0 ? 0 : sorted[n - 1]), n == 0 ? 0 : sum / n / 1e6);
    }

    /** Nearest-rank percentile of ascending {@code sorted}; 0 for no samples. */
    public static long percentile(long[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Throughput of this phase divided by the baseline's; NaN without a baseline. */
    public double ratioTo(Stats baseline) {
        if (baseline == null || baseline.throughput() == 0) {
            return Double.NaN;
        }
        return throughput / baseline.throughput();
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
