package org.triad.shop.application.orders;

import java.math.BigDecimal;

/** Minor units (fen) as a decimal amount with two places, for views. */
final class Money {

    private Money() {
    }

    static BigDecimal of(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
