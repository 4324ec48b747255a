package org.triad.shop.domain.model.order;

/**
 * A refund request: {@code REQUESTED} by the buyer → {@code APPROVED} (seller or shop admin; the bank is asked) →
 * {@code REFUNDED}, or {@code FAILED} (the bank refused: the seller's card lacked the money; it can be approved
 * again); or {@code REFUSED} by the seller → {@code DISPUTED} by the buyer → the shop admin approves or
 * {@code REJECTED} for good.
 */
public enum RefundStatus {
    REQUESTED,
    REFUSED,
    DISPUTED,
    APPROVED,
    REFUNDED,
    FAILED,
    REJECTED;

    public boolean isOpen() {
        return this == REQUESTED || this == DISPUTED || this == APPROVED || this == FAILED;
    }
}
