package org.triad.bank.domain.model.payment;

/** Where a payment stands. {@code CREATED} is the only state in which it can be paid or cancelled. */
public enum PaymentStatus {
    CREATED, PAID, EXPIRED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED;

    public boolean isFinal() {
        return this == EXPIRED || this == CANCELLED || this == REFUNDED;
    }
}
