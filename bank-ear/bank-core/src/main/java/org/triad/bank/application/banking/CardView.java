package org.triad.bank.application.banking;

import java.math.BigDecimal;
import java.time.Instant;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.money.Money;

/** A card as its owner sees it: the full number only here, masked everywhere else. */
public record CardView(long id, String number, String maskedNumber, String status, BigDecimal balance, String currency,
                       Instant createdAt) {

    public static CardView of(Card card) {
        return new CardView(card.id(), card.number().value(), card.number().masked(), card.status().name(),
                card.balance().amount(), Money.CURRENCY, card.createdAt());
    }
}
