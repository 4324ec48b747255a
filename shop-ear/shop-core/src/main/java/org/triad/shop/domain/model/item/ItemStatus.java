package org.triad.shop.domain.model.item;

/**
 * Where the seller's working copy stands: {@code DRAFT} (not submitted), {@code IN_REVIEW} (waiting for a shop
 * admin), {@code APPROVED} (the working copy is what is published), {@code REJECTED} (with a reason for the seller).
 * Whether buyers see the item is a separate question: the published copy, open for sale, seller not banned.
 */
public enum ItemStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    REJECTED
}
