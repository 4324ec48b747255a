package org.triad.bank.application.banking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.bank.application.support.CodeService;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.code.CodeCheck;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerNotFoundException;
import org.triad.bank.domain.model.customer.CustomerRepository;

/** Opening and activating cards, and what a customer sees of them. */
@Stateless
public class CardService {

    @Inject
    CardRepository cards;

    @Inject
    CustomerRepository customers;

    @Inject
    CodeService codes;

    @Inject
    CardNumbers numbers;

    /** Opens a card for an approved customer and mails its activation code. */
    public CardView apply(long customerId) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new CustomerNotFoundException("No such customer."));
        customer.requireApproved();
        Card card = new Card(numbers.next(), customerId, Instant.now());
        cards.add(card);
        codes.issue(customer, CodePurpose.CARD_ACTIVATION, String.valueOf(card.id()));
        return CardView.of(card);
    }

    public CardView activate(long customerId, long cardId, String code) {
        Card card = owned(customerId, cardId);
        CodeCheck check = codes.check(customerId, CodePurpose.CARD_ACTIVATION, String.valueOf(cardId), code);
        if (!check.accepted()) {
            throw check.toException();
        }
        card.activate(Instant.now());
        return CardView.of(card);
    }

    public List<CardView> cardsOf(long customerId) {
        return cards.findByOwner(customerId).stream().map(CardView::of).toList();
    }

    public CardView card(long customerId, long cardId) {
        return CardView.of(owned(customerId, cardId));
    }

    /** Another customer's card is reported exactly like a card that does not exist. */
    Card owned(long customerId, long cardId) {
        return cards.find(cardId).filter(c -> c.isOwnedBy(customerId))
                .orElseThrow(() -> new CardNotFoundException("No such card."));
    }
}
