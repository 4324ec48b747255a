package org.triad.bank.interfaces.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowTest {

    private static final long MINUTE = 60_000;

    @Test
    void theFirstRequestOpensAWindowAndTheLimitIsReachedExactly() {
        Window w = null;
        long t0 = 1_000_000;
        for (int i = 1; i <= 60; i++) {
            Window.Decision d = Window.hit(w, t0 + i * 100L, 60, MINUTE);
            assertThat(d.allowed()).as("request %d", i).isTrue();
            w = d.next();
            assertThat(w).isEqualTo(new Window(t0 + 100, i));
        }
        Window.Decision sixtyFirst = Window.hit(w, t0 + 6_100, 60, MINUTE);
        assertThat(sixtyFirst.allowed()).isFalse();
        assertThat(sixtyFirst.next()).isNull();
        // the window opened at t0 + 100 and ends at t0 + 60,100: 54 s left
        assertThat(sixtyFirst.retryAfterSeconds()).isEqualTo(54);
    }

    @Test
    void retryAfterRoundsUpAndIsAtLeastOneSecond() {
        Window full = new Window(0, 5);
        assertThat(Window.hit(full, 59_001, 5, MINUTE).retryAfterSeconds()).isEqualTo(1);
        assertThat(Window.hit(full, 59_999, 5, MINUTE).retryAfterSeconds()).isEqualTo(1);
        assertThat(Window.hit(full, 58_999, 5, MINUTE).retryAfterSeconds()).isEqualTo(2);
        assertThat(Window.hit(full, 0, 5, MINUTE).retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void refusedRequestsAreNotCountedAndTheWindowEndsOnTime() {
        Window full = new Window(0, 3);
        assertThat(Window.hit(full, 30_000, 3, MINUTE).allowed()).isFalse();
        Window.Decision afterwards = Window.hit(full, MINUTE, 3, MINUTE);
        assertThat(afterwards.allowed()).isTrue();
        assertThat(afterwards.next()).isEqualTo(new Window(MINUTE, 1));
    }

    @Test
    void aClockFarBehindTheWindowStartsAfresh() {
        Window fromTheFuture = new Window(10 * MINUTE, 3);
        assertThat(Window.hit(fromTheFuture, 5 * MINUTE, 3, MINUTE).next()).isEqualTo(new Window(5 * MINUTE, 1));
        // slightly behind (clock skew between instances): still the same window
        assertThat(Window.hit(fromTheFuture, 10 * MINUTE - 500, 3, MINUTE).allowed()).isFalse();
    }

    @Test
    void peekDoesNotCount() {
        Window w = new Window(0, 2);
        assertThat(Window.peek(w, 1_000, 3, MINUTE).allowed()).isTrue();
        assertThat(Window.peek(w, 1_000, 3, MINUTE).next()).isEqualTo(w);
        assertThat(Window.peek(new Window(0, 3), 1_000, 3, MINUTE).allowed()).isFalse();
        assertThat(Window.peek(new Window(0, 3), 1_000, 3, MINUTE).retryAfterSeconds()).isEqualTo(59);
        assertThat(Window.peek(null, 1_000, 3, MINUTE).allowed()).isTrue();
    }

    @Test
    void aZeroLimitRefusesEverything() {
        assertThat(Window.hit(null, 0, 0, MINUTE).allowed()).isFalse();
    }

    @Test
    void encodesAsTextAndIgnoresGarbage() {
        Window w = new Window(1_700_000_000_123L, 42);
        assertThat(w.encode()).isEqualTo("1700000000123:42");
        assertThat(Window.decode(w.encode())).isEqualTo(w);
        assertThat(Window.decode(null)).isNull();
        assertThat(Window.decode("nonsense")).isNull();
        assertThat(Window.decode("1:x")).isNull();
    }
}
