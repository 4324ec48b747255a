package org.triad.bench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();
        assertThat(Stats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Stats.percentile(sorted, 90)).isEqualTo(90);
        assertThat(Stats.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Stats.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Stats.percentile(sorted, 0.5)).isEqualTo(1);
    }

    @Test
    void percentilesAreObservedValues() {
        long[] sorted = {10, 20, 30};
        assertThat(Stats.percentile(sorted, 50)).isEqualTo(20); // rank ceil(1.5) = 2
        assertThat(Stats.percentile(sorted, 90)).isEqualTo(30); // rank ceil(2.7) = 3
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Stats.percentile(new long[0], 99)).isZero();
        assertThatThrownBy(() -> Stats.percentile(sorted, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(sorted, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsSortACopyAndConvertToMilliseconds() {
        long[] latencies = {3_000_000, 1_000_000, 2_000_000, 4_000_000}; // 3, 1, 2, 4 ms, unsorted
        Stats s = Stats.of(latencies, 2, 2_000_000_000L);
        assertThat(latencies[0]).isEqualTo(3_000_000); // input untouched
        assertThat(s.ok()).isEqualTo(4);
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.throughput()).isCloseTo(2.0, within(1e-9)); // 4 successes in 2 s; errors do not count
        assertThat(s.p50Ms()).isCloseTo(2.0, within(1e-9));
        assertThat(s.p90Ms()).isCloseTo(4.0, within(1e-9));
        assertThat(s.p99Ms()).isCloseTo(4.0, within(1e-9));
        assertThat(s.maxMs()).isCloseTo(4.0, within(1e-9));
        assertThat(s.meanMs()).isCloseTo(2.5, within(1e-9));
        assertThat(s.wallSeconds()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void ratioIsThroughputOverBaselineThroughput() {
        Stats service = Stats.of(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0, 1_000_000_000L); // 10/s
        Stats baseline = Stats.of(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0, 100_000_000L); // 100/s
        assertThat(service.ratioTo(baseline)).isCloseTo(0.1, within(1e-9));
        assertThat(service.ratioTo(null)).isNaN();
        assertThat(Stats.of(new long[0], 3, 1).ok()).isZero();
        assertThatThrownBy(() -> Stats.of(new long[0], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedCountRunsEveryIndexOnceAndCountsFailures() {
        boolean[] seen = new boolean[50];
        Stats s = LoadRunner.fixedCount("t", 4, 100, 50, i -> {
            synchronized (seen) {
                assertThat(seen[i - 100]).isFalse();
                seen[i - 100] = true;
            }
            if (i % 10 == 0) {
                throw new IllegalStateException("fails on purpose");
            }
            return i % 10 != 1;
        });
        assertThat(seen).containsOnly(true);
        assertThat(s.ok()).isEqualTo(40);
        assertThat(s.errors()).isEqualTo(10);
    }

    @Test
    void fixedDurationStopsAndUsesDistinctIndexes() {
        java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Stats s = LoadRunner.fixedDuration("t", 3, Duration.ofMillis(100), i -> seen.add(i));
        assertThat(s.ok()).isPositive().isEqualTo(seen.size());
        assertThat(s.errors()).isZero();
        assertThat(s.wallSeconds()).isBetween(0.09, 5.0);
    }
}
