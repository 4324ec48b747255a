package org.triad.shop.domain.model.flash;

/** {@code SCHEDULED} until it is closed after its end (leftovers back in stock) or cancelled before its start. */
public enum FlashSaleStatus {
    SCHEDULED, CLOSED, CANCELLED
}
