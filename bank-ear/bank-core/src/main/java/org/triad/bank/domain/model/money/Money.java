package org.triad.bank.domain.model.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of CNY with scale 2 (fen). May be negative (a debit posting); amounts that customers enter go
 * through {@link #parsePositive(BigDecimal)}, which accepts only positive values with at most two decimals.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final String CURRENCY = "CNY";
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /** Largest amount one movement may carry; keeps every balance well inside DECIMAL(19,2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidAmountException("An amount has at most two decimals: " + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount) {
        try {
            return new Money(new BigDecimal(amount));
        } catch (NumberFormatException e) {
            throw new InvalidAmountException("Not an amount: " + amount);
        }
    }

    /** An amount a customer asked to move: present, greater than zero, at most two decimals, not absurdly large. */
    public static Money parsePositive(BigDecimal amount) {
        if (amount == null) {
            throw new InvalidAmountException("The amount is missing.");
        }
        Money money = new Money(amount);
        if (money.amount.signum() <= 0) {
            throw new InvalidAmountException("The amount must be greater than zero: " + money);
        }
        if (money.amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidAmountException("The amount exceeds the limit of " + MAX_AMOUNT.toPlainString() + ".");
        }
        return money;
    }

    public static Money parsePositive(String amount) {
        try {
            return parsePositive(amount == null ? null : new BigDecimal(amount.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidAmountException("Not an amount: " + amount);
        }
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
