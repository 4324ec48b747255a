package org.triad.shop.application.flash;

import java.math.BigDecimal;
import java.time.Instant;

/** A buyer's claim: check it out before {@code holdUntil} (status CLAIMED), then pay its checkout. */
public record FlashClaimView(long id, long saleId, String title, BigDecimal price, String status, Instant holdUntil,
                             Long checkoutId) {
}
