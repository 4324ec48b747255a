package org.triad.bank.domain.model.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of CNY with scale 2 (fen). May be negative (a debit posting). Every amount that comes from outside
 * the bank (REST bodies, screens, the payments API, refunds) is text and goes through {@link #parse(String)} or
 * {@link #parsePositive(String)}, the one parser: a plain decimal string of at most 15 integer digits and two decimals,
 * its length checked before any {@link BigDecimal} is made. No error message ever repeats the input (an exponent such
 * as {@code 1e-1000000} written out would be a megabyte).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final String CURRENCY = "CNY";
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /** Largest amount one movement may carry; keeps every balance well inside DECIMAL(19,2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");
    /** The longest text {@link #parse} reads: 15 integer digits, the point, two decimals. */
    public static final int MAX_TEXT_LENGTH = 18;
    /** ASCII digits only: no sign, exponent, leading zero, blank, or full-width and other Unicode digits. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?");
    private static final String NOT_AN_AMOUNT =
            "Not an amount: write a plain decimal number such as 12.34 (ASCII digits, at most two decimals).";

    public Money {
        Objects.requireNonNull(amount, "amount");
        if ((long) amount.precision() - amount.scale() > 17) {
            // more integer digits than DECIMAL(19,2) holds; tested before setScale would expand 1E+1000000
            throw new InvalidAmountException("The amount is too large.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidAmountException("An amount has at most two decimals.");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An amount the code itself writes (constants, tests; may be negative). Outside input goes through {@link #parse}. */
    public static Money of(String amount) {
        if (amount == null || amount.length() > MAX_TEXT_LENGTH + 1) {
            throw new InvalidAmountException(NOT_AN_AMOUNT);
        }
        try {
            return new Money(new BigDecimal(amount));
        } catch (NumberFormatException e) {
            throw new InvalidAmountException(NOT_AN_AMOUNT);
        }
    }

    /**
     * The one parser of amounts from outside: {@code 0}, {@code 12}, {@code 12.5}, {@code 12.50}; refused are
     * {@code null}, blanks, signs, exponents ({@code 1e2}, {@code 1E-2}), leading zeros, more than two decimals,
     * more than 15 integer digits and any non-ASCII digit. The length is checked before anything else.
     */
    public static Money parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidAmountException("The amount is missing.");
        }
        if (text.length() > MAX_TEXT_LENGTH || !PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidAmountException(NOT_AN_AMOUNT);
        }
        return new Money(new BigDecimal(text));
    }

    /** An amount a customer asked to move: present, greater than zero, at most two decimals, not absurdly large. */
    public static Money parsePositive(BigDecimal amount) {
        if (amount == null) {
            throw new InvalidAmountException("The amount is missing.");
        }
        if ((long) amount.precision() - amount.scale() > MAX_TEXT_LENGTH || amount.scale() > MAX_TEXT_LENGTH) {
            // checked on precision and scale, never expanded: 1E-1000000 and 1E+1000000 stay small
            throw new InvalidAmountException(NOT_AN_AMOUNT);
        }
        return positive(new Money(amount));
    }

    /** {@link #parse(String)} for an amount a customer or merchant asked to move: greater than zero, within the limit. */
    public static Money parsePositive(String text) {
        return positive(parse(text));
    }

    private static Money positive(Money money) {
        if (money.amount.signum() <= 0) {
            throw new InvalidAmountException("The amount must be greater than zero.");
        }
        if (money.amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidAmountException("The amount exceeds the limit of " + MAX_AMOUNT.toPlainString() + ".");
        }
        return money;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
