package org.triad.bank.domain.model.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

    private final Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final OneTimeCode code = new OneTimeCode(1, CodePurpose.TRANSFER, "", "h", now);
    private final Predicate<String> right = h -> true;
    private final Predicate<String> wrong = h -> false;

    @Test
    void aCodeWorksOnce() {
        assertThat(code.check(right, now.plusSeconds(5))).isEqualTo(CodeCheck.ACCEPTED);
        assertThat(code.check(right, now.plusSeconds(6))).isEqualTo(CodeCheck.USED);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        assertThat(code.check(right, now.plus(Duration.ofMinutes(10)))).isEqualTo(CodeCheck.EXPIRED);
    }

    @Test
    void fiveWrongAttemptsExhaustTheCode() {
        for (int i = 0; i < 5; i++) {
            assertThat(code.check(wrong, now)).isEqualTo(CodeCheck.WRONG);
        }
        assertThat(code.check(right, now)).isEqualTo(CodeCheck.EXHAUSTED);
    }

    @Test
    void aSupersededCodeNoLongerWorks() {
        code.supersede(now);
        assertThat(code.check(right, now)).isEqualTo(CodeCheck.USED);
    }
}
