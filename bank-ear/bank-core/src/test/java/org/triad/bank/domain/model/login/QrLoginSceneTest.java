package org.triad.bank.domain.model.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QrLoginSceneTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String SECRET_HASH = "a".repeat(64);

    private static QrLoginScene scene() {
        return new QrLoginScene("s".repeat(43), SECRET_HASH, "UA", "127.0.0.1", T0, Duration.ofMinutes(2));
    }

    @Test
    void aConfirmedSceneIsConsumedOnceByItsBrowser() {
        QrLoginScene s = scene();
        s.scanned(T0.plusSeconds(5));
        s.confirm(42, T0.plusSeconds(10));
        assertThatThrownBy(() -> s.consume("b".repeat(64), T0.plusSeconds(11)))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("not-found"));
        assertThat(s.statusAt(T0.plusSeconds(11))).isEqualTo(QrSceneStatus.CONFIRMED);
        assertThat(s.consume(SECRET_HASH, T0.plusSeconds(12))).isEqualTo(42);
        assertThat(s.statusAt(T0.plusSeconds(13))).isEqualTo(QrSceneStatus.CONSUMED);
        assertThatThrownBy(() -> s.consume(SECRET_HASH, T0.plusSeconds(13)))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("used"));
    }

    @Test
    void afterTwoMinutesTheSceneIsExpiredAndCanNeitherBeConfirmedNorUsed() {
        QrLoginScene pending = scene();
        assertThat(pending.statusAt(T0.plusSeconds(119))).isEqualTo(QrSceneStatus.PENDING);
        assertThat(pending.statusAt(T0.plusSeconds(120))).isEqualTo(QrSceneStatus.EXPIRED);
        assertThatThrownBy(() -> pending.confirm(42, T0.plusSeconds(120)))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("expired"));

        QrLoginScene confirmed = scene();
        confirmed.confirm(42, T0.plusSeconds(100));
        assertThatThrownBy(() -> confirmed.consume(SECRET_HASH, T0.plusSeconds(121)))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("expired"));
    }

    @Test
    void aRejectedSceneStaysRejected() {
        QrLoginScene s = scene();
        s.reject(T0.plusSeconds(3));
        assertThat(s.statusAt(T0.plusSeconds(500))).isEqualTo(QrSceneStatus.REJECTED);
        assertThatThrownBy(() -> s.confirm(42, T0.plusSeconds(4))).isInstanceOf(QrSceneException.class);
        assertThatThrownBy(() -> s.consume(SECRET_HASH, T0.plusSeconds(4)))
                .isInstanceOfSatisfying(QrSceneException.class, e -> assertThat(e.reason()).isEqualTo("rejected"));
    }

    @Test
    void aTotpStepIsAcceptedOnlyOnceAndNeverAnEarlierOne() {
        TotpEnrolment e = new TotpEnrolment(1, "v1:x", T0);
        assertThat(e.use(100)).isTrue();
        assertThat(e.use(100)).isFalse();
        assertThat(e.use(99)).isFalse();
        assertThat(e.use(101)).isTrue();
    }
}
