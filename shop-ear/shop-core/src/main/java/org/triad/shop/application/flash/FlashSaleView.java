package org.triad.shop.application.flash;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A flash sale as buyers and admins see it: {@code remaining} is the pool when read (live, it changes every moment);
 * {@code phase} is UPCOMING, LIVE or ENDED; {@code claims} (admins only, else null) counts claims by state and PAID.
 */
public record FlashSaleView(long id, long itemId, String title, BigDecimal price, BigDecimal regularPrice, int units,
                            int remaining, Instant startsAt, Instant endsAt, String phase, String status,
                            long claimHoldSeconds, Map<String, Long> claims) {
}
