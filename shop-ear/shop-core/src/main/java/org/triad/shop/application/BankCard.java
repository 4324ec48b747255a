package org.triad.shop.application;

import java.io.Serializable;

/** A card as the bank lists it to the shop ({@code GET /api/v1/me/cards}): opaque reference, masked number. */
public record BankCard(String cardRef, String maskedNumber, String nickname, String status) implements Serializable {

    public boolean usable() {
        return "ACTIVE".equals(status);
    }
}
