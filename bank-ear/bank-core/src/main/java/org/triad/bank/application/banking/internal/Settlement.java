package org.triad.bank.application.banking.internal;

import java.util.List;
import java.util.function.Consumer;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.money.Money;

/**
 * Money moved between cards to settle a payment or a refund: one signed leg per card posting (debits negative),
 * summing to zero. {@code onDebit} sees each card before it is debited, under its lock (e.g. to say which payee
 * cannot cover a refund in the words of the payment rail).
 */
public record Settlement(EntryType type, long initiatorId, String idempotencyKey, String fingerprint,
                         String reference, Money amount, List<Leg> legs, Consumer<Card> onDebit) {

    public record Leg(long cardId, Money amount) {
    }
}
