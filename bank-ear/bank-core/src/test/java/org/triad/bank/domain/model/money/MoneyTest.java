package org.triad.bank.domain.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void positiveAmountsWithUpToTwoDecimalsAreAcceptedAndNormalisedToScaleTwo() {
        assertThat(Money.parsePositive("12.3").amount()).isEqualByComparingTo("12.30");
        assertThat(Money.parsePositive("12.3").amount().scale()).isEqualTo(2);
        assertThat(Money.parsePositive(new BigDecimal("0.01")).toString()).isEqualTo("0.01");
        assertThat(Money.parsePositive("7").toString()).isEqualTo("7.00");
        assertThat(Money.parsePositive("1.500").toString()).isEqualTo("1.50");
    }

    @Test
    void zeroNegativeThreeDecimalsGarbageAndHugeAmountsAreRefused() {
        for (String bad : new String[] {"0", "0.00", "-1", "-0.01", "1.005", "0.001", "abc", "", "1e400",
                "100000000.01"}) {
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
