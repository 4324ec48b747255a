package org.triad.shop.application.orders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A cart as it stands now: each line with the item's current price and stock, and what changed since the buyer last
 * looked ({@code notice}: {@code price-changed}, {@code not-enough-stock}, {@code unavailable}, or null). Lines are
 * grouped by seller as the checkout will make one order per seller.
 */
public record CartView(List<Line> lines, BigDecimal total, int units, boolean changed) implements Serializable {

    public record Line(long id, long itemId, String title, String options, int quantity, BigDecimal price,
                       BigDecimal previousPrice, BigDecimal lineTotal, int stock, boolean available, long sellerId,
                       String sellerName, String notice) implements Serializable {
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Every line can be bought as it is now. */
    public boolean isReady() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.available() && l.quantity() <= l.stock());
    }
}
