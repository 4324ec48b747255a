package org.triad.shop.domain.model.user;

/** What a bound card is for: a seller's payouts, or the card suggested to a buyer at payment. */
public enum CardPurpose {
    PAYOUT,
    PAYMENT
}
