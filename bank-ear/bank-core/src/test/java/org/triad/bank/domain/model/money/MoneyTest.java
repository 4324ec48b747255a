package org.triad.bank.domain.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void positiveAmountsWithUpToTwoDecimalsAreAcceptedAndNormalisedToScaleTwo() {
        assertThat(Money.parsePositive("12.3").amount()).isEqualByComparingTo("12.30");
        assertThat(Money.parsePositive("12.3").amount().scale()).isEqualTo(2);
        assertThat(Money.parsePositive(new BigDecimal("0.01")).toString()).isEqualTo("0.01");
        assertThat(Money.parsePositive("7").toString()).isEqualTo("7.00");
        assertThat(Money.parsePositive("0.5").toString()).isEqualTo("0.50");
        assertThat(Money.parsePositive("100000000.00").toString()).isEqualTo("100000000.00");
        assertThat(Money.parse("0").toString()).isEqualTo("0.00");
        assertThat(Money.parse("0.00").toString()).isEqualTo("0.00");
        assertThat(Money.parse("999999999999999.99").toString()).isEqualTo("999999999999999.99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2", "1E2", "1E-2", "1e-2", "1e-1000000", "1E+2", "+1.00", "-1.00", "-0", "１",
            "１.００", "٣", "1.005", "1.500", "0.001", "01", "00.10", "007", ".5", "5.", "1,00", "1 000", " 1.00",
            "1.00 ", "\t1", "", " ", "abc", "NaN", "Infinity", "0x10", "1.0.0", "1000000000000000",
            "9999999999999999.99", "1234567890123456789012345"})
    void everyFormButAPlainDecimalIsRefusedWithAMessageThatDoesNotRepeatIt(String bad) {
        assertThatThrownBy(() -> Money.parse(bad)).as(bad).isInstanceOf(InvalidAmountException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).hasSizeLessThan(120);
                    if (bad.strip().length() > 2) {
                        assertThat(e.getMessage()).doesNotContain(bad.strip());
                    }
                });
    }

    @Test
    void aHugeTextIsRefusedWithoutBeingReadAndWithoutEchoingIt() {
        String huge = "1".repeat(1_000_000);
        assertThatThrownBy(() -> Money.parsePositive(huge)).isInstanceOf(InvalidAmountException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }

    @Test
    void extremeExponentsInABigDecimalAreRefusedWithoutBeingExpanded() {
        for (String bad : new String[] {"1E-1000000", "1E+1000000", "1E-2147483647", "1E+2147483647"}) {
            assertThatThrownBy(() -> Money.parsePositive(new BigDecimal(bad))).as(bad)
                    .isInstanceOf(InvalidAmountException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
            assertThatThrownBy(() -> new Money(new BigDecimal(bad))).as(bad).isInstanceOf(InvalidAmountException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
        }
    }

    @Test
    void aMissingAmountIsRefused() {
        assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> Money.parsePositive((String) null)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void zeroNegativeThreeDecimalsGarbageAndHugeAmountsAreRefused() {
        for (String bad : new String[] {"0", "0.00", "-1", "-0.01", "1.005", "0.001", "abc", "", "1e400",
                "100000000.01", "1.500"}) {
            assertThatThrownBy(() -> Money.parsePositive(bad)).as(bad).isInstanceOf(InvalidAmountException.class);
        }
        assertThatThrownBy(() -> Money.parsePositive((BigDecimal) null)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("0.10");
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(a);
        }
        assertThat(sum).isEqualTo(Money.of("1.00"));
        assertThat(Money.of("1.00").minus(Money.of("1.01")).isNegative()).isTrue();
        assertThat(Money.of("5.00").negate()).isEqualTo(Money.of("-5"));
        assertThat(Money.of("2.00").isLessThan(Money.of("2.01"))).isTrue();
    }
}
