package org.triad.shop.domain.model.flash;

/**
 * {@code CLAIMED}: the buyer holds a unit until the claim's hold ends; {@code ORDERED}: checked out, the unit is held
 * by the checkout (paid or until its payment ends); {@code RELEASED}: the unit went back (hold over, payment expired
 * or cancelled).
 */
public enum FlashClaimStatus {
    CLAIMED, ORDERED, RELEASED
}
