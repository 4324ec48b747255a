package org.triad.shop.domain.model.item;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * An item's price: exact money in minor units (fen) of CNY, from 0.01 to {@link #MAX} yuan. Parsed from the
 * decimal text a seller enters; more than two decimals, zero, negative or larger amounts are refused, never rounded.
 */
public record Price(long minor) {

    public static final String CURRENCY = "CNY";
    public static final BigDecimal MAX = new BigDecimal("1000000.00");

    public Price {
        if (minor <= 0 || minor > MAX.movePointRight(2).longValueExact()) {
            throw ShopRuleException.invalid("price", "A price is between 0.01 and 1,000,000.00 yuan.");
        }
    }

    /** From a decimal amount such as {@code 12.5} or {@code 199.00}. */
    public static Price of(BigDecimal amount) {
        if (amount == null) {
            throw ShopRuleException.invalid("price", "Enter a price.");
        }
        BigDecimal a = amount.stripTrailingZeros();
        if (a.scale() > 2) {
            throw ShopRuleException.invalid("price", "A price has at most two decimals.");
        }
        if (a.signum() <= 0 || a.compareTo(MAX) > 0) {
            throw ShopRuleException.invalid("price", "A price is between 0.01 and 1,000,000.00 yuan.");
        }
        return new Price(a.movePointRight(2).longValueExact());
    }

    /** From text as entered; anything that is not a plain decimal number is refused. */
    public static Price parse(String text) {
        if (text == null || text.isBlank()) {
            throw ShopRuleException.invalid("price", "Enter a price.");
        }
        String t = text.strip();
        if (t.length() > 20 || !t.matches("-?\\d+(\\.\\d+)?")) {
            throw ShopRuleException.invalid("price", "A price is a number such as 12.50.");
        }
        return of(new BigDecimal(t));
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** {@code 12.50}. */
    public String plain() {
        return amount().toPlainString();
    }
}
