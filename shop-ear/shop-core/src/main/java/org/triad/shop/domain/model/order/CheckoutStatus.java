package org.triad.shop.domain.model.order;

/**
 * A checkout is {@code OPEN} while its payment may still be paid (its stock is held), then what the bank says the
 * payment became: {@code PAID}, {@code EXPIRED} or {@code CANCELLED}. A checkout that never got a payment (the
 * bank was down) is {@code CANCELLED} by the reconciliation once its hold ends.
 */
public enum CheckoutStatus {
    OPEN,
    PAID,
    EXPIRED,
    CANCELLED
}
