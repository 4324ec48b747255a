package org.triad.bank.domain.model.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardNumberTest {

    @Test
    void luhnCheckDigitMatchesKnownNumbers() {
        // Well-known test numbers: 4539 1488 0343 6467 (Visa), 79927398713 (Luhn's example)
        assertThat(CardNumber.isLuhnValid("4539148803436467")).isTrue();
        assertThat(CardNumber.isLuhnValid("79927398713")).isTrue();
        assertThat(CardNumber.luhnCheckDigit("7992739871")).isEqualTo(3);
        assertThat(CardNumber.isLuhnValid("79927398710")).isFalse();
        assertThat(CardNumber.isLuhnValid("4539148803436468")).isFalse();
    }

    @Test
    void generatedNumbersHaveTheBinNineteenDigitsAValidCheckDigitAndAreNotSequential() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            CardNumber n = CardNumber.generate("622202", random);
            assertThat(n.value()).hasSize(19).startsWith("622202");
            assertThat(CardNumber.isLuhnValid(n.value())).isTrue();
            seen.add(n.value());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aChangedDigitIsDetected() {
        CardNumber n = CardNumber.generate("622202", new SecureRandom());
        char[] digits = n.value().toCharArray();
        digits[10] = (char) ('0' + (digits[10] - '0' + 1) % 10);
        assertThat(CardNumber.parseOrNull(new String(digits))).isNull();
        assertThatThrownBy(() -> new CardNumber(new String(digits))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskingShowsTheFirstAndLastFourDigitsOnly() {
        CardNumber n = CardNumber.parseOrNull(fix("622202123456789012"));
        assertThat(n).isNotNull();
        assertThat(n.masked()).isEqualTo("6222 **** **** ***" + n.value().substring(15));
        assertThat(n.masked()).matches("6222 \\*{4} \\*{4} \\*{3}\\d{4}");
        assertThat(n.toString()).isEqualTo(n.masked());
        assertThat(n.formatted()).isEqualTo(n.value().replaceAll("(\\d{4})(?=\\d)", "$1 "));
        assertThat(CardNumber.parseOrNull(n.formatted())).isEqualTo(n);
    }

    @Test
    void badInputIsNoCardNumber() {
        assertThat(CardNumber.parseOrNull(null)).isNull();
        assertThat(CardNumber.parseOrNull("6222")).isNull();
        assertThat(CardNumber.parseOrNull("62220212345678901a3")).isNull();
        assertThatThrownBy(() -> CardNumber.generate("6222", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String fix(String eighteen) {
        return eighteen + CardNumber.luhnCheckDigit(eighteen);
    }
}
