package org.triad.bank.domain.model.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merchant schedule tries at 0 s, 15 s, 1 min, 5 min, 30 min, 2 h, 6 h after each failure, then every 6 h to 72 h. */
class RetryScheduleTest {

    static final RetrySchedule MERCHANT = RetrySchedule.parse("0s,15s,1m,5m,30m,2h,6h", "6h", "72h");

    @Test
    void theMerchantScheduleTriesOverThreeDaysThenGivesUp() {
        Instant created = Instant.parse("2026-12-01T00:00:00Z");
        List<Duration> gaps = new ArrayList<>();
        Instant at = created.plus(MERCHANT.first());
        int attempts = 1;
        while (true) {
            Optional<Instant> next = MERCHANT.next(attempts, created, at);
            if (next.isEmpty()) {
                break;
            }
            gaps.add(Duration.between(at, next.get()));
            at = next.get();
            attempts++;
        }
        assertThat(gaps.subList(0, 6)).containsExactly(Duration.ofSeconds(15), Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
        assertThat(gaps.subList(6, gaps.size())).allMatch(d -> d.equals(Duration.ofHours(6)));
        assertThat(Duration.between(created, at)).isLessThanOrEqualTo(Duration.ofHours(72))
                .isGreaterThan(Duration.ofHours(66));
        assertThat(attempts).isEqualTo(17);
    }

    @Test
    void withoutRepeatTheStepsAreAll() {
        RetrySchedule logout = RetrySchedule.parse("0s,5s,30s", "none", "2m");
        Instant t = Instant.now();
        assertThat(logout.next(1, t, t)).contains(t.plusSeconds(5));
        assertThat(logout.next(2, t, t.plusSeconds(5))).contains(t.plusSeconds(35));
        assertThat(logout.next(3, t, t.plusSeconds(35))).isEmpty();
    }

    @Test
    void aMessageIsDeliveredOnceAndDeadAfterTheLastFailure() {
        RetrySchedule two = RetrySchedule.parse("0s,1s", "", "1h");
        Instant now = Instant.now();
        OutboxMessage m = new OutboxMessage(OutboxKind.MERCHANT_NOTIFICATION, "https://m.example/n", "evt", "payment.paid",
                "{}", now, two.first());
        m.lease("lease-a", now.plusSeconds(60));
        m.recordAttempt(DeliveryResult.answered(now, 503), "lease-a", two, now);
        assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(m.nextAttemptAt()).isEqualTo(now.plusSeconds(1));
        assertThat(m.lastError()).isEqualTo("HTTP 503");
        m.recordAttempt(DeliveryResult.failed(now, "connect timed out"), "lease-b", two, now);
        assertThat(m.status()).as("a lease the message does not hold changes nothing but the count")
                .isEqualTo(OutboxStatus.PENDING);
        assertThat(m.attempts()).isEqualTo(2);
        m.lease("lease-c", now.plusSeconds(60));
        m.recordAttempt(DeliveryResult.failed(now, "connect timed out"), "lease-c", two, now);
        assertThat(m.status()).as("after the last step").isEqualTo(OutboxStatus.DEAD);
        assertThat(m.nextAttemptAt()).isNull();
        m.resend(now);
        assertThat(m.status()).isEqualTo(OutboxStatus.PENDING);
        m.lease("lease-d", now.plusSeconds(60));
        m.recordAttempt(DeliveryResult.answered(now, 204), "lease-d", two, now);
        assertThat(m.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(m.deliveredAt()).isEqualTo(now);
        assertThatThrownBy(() -> m.resend(now.plus(Duration.ofDays(31))))
                .hasMessageContaining("30 days");
    }

    @Test
    void durationsParse() {
        assertThat(RetrySchedule.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RetrySchedule.duration(" 2h ")).isEqualTo(Duration.ofHours(2));
        assertThat(RetrySchedule.duration("3d")).isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> RetrySchedule.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
