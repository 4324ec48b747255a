package org.triad.bank.application.banking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardNumber;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.ledger.LedgerAccount;
import org.triad.bank.domain.model.ledger.Posting;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.payment.PaymentRepository;

/** Transaction history per card and per customer, read from the ledger's card postings. */
@Stateless
public class History {

    @Inject
    CardRepository cards;

    @Inject
    PaymentRepository payments;

    @Inject
    org.triad.bank.domain.model.ledger.JournalRepository journal;

    public HistoryPage ofCard(long customerId, long cardId, HistoryFilter filter) {
        Card card = cards.find(cardId).filter(c -> c.isOwnedBy(customerId))
                .orElseThrow(() -> new CardNotFoundException("No such card."));
        return page(List.of(card.id()), filter);
    }

    public HistoryPage ofCustomer(long customerId, HistoryFilter filter) {
        List<Long> ids = cards.findByOwner(customerId).stream().map(Card::id).toList();
        return page(ids, filter);
    }

    /**
     * Staff search across customers: the card with the given number if one is given, else the cards of the given
     * customer, else every card. The caller checks that it is staff ({@link ClerkService#transactions}).
     */
    public HistoryPage search(Long customerId, String cardNumber, HistoryFilter filter) {
        if (cardNumber != null && !cardNumber.isBlank()) {
            CardNumber number = CardNumber.parseOrNull(cardNumber);
            List<Long> ids = number == null ? List.of()
                    : cards.findByNumber(number).filter(c -> customerId == null || c.isOwnedBy(customerId))
                            .map(c -> List.of(c.id())).orElse(List.of());
            return page(ids, filter);
        }
        if (customerId != null) {
            return ofCustomer(customerId, filter);
        }
        return page(null, filter);
    }

    private HistoryPage page(List<Long> cardIds, HistoryFilter filter) {
        int offset = filter.page() * filter.size();
        List<Posting> postings = journal.cardPostings(cardIds, filter.from(), filter.to(), filter.type(), offset,
                filter.size());
        long total = journal.countCardPostings(cardIds, filter.from(), filter.to(), filter.type());
        List<Long> entryIds = postings.stream().map(p -> p.entry().id()).distinct().toList();
        Map<Long, List<Posting>> byEntry = new HashMap<>();
        for (Posting p : journal.postingsOfEntries(entryIds)) {
            byEntry.computeIfAbsent(p.entry().id(), k -> new java.util.ArrayList<>()).add(p);
        }
        Map<Long, String> masked = new HashMap<>();
        Map<String, String> merchants = new HashMap<>();
        List<HistoryLine> lines = postings.stream().map(p -> {
            Posting other = byEntry.getOrDefault(p.entry().id(), List.of()).stream()
                    .filter(o -> o.id() != p.id()).findFirst().orElse(null);
            // a payment or refund is with the merchant, whose name the customer knows, not with a payee's card
            String counterparty = p.entry().reference() != null
                    ? merchants.computeIfAbsent(p.entry().reference(),
                            ref -> payments.merchantNameFor(ref).orElse(ref))
                    : other == null || other.account() != LedgerAccount.CARD ? "BANK"
                    : maskedNumber(other.cardId(), masked);
            return new HistoryLine(p.entry().id(), p.entry().createdAt(), p.entry().type().name(),
                    p.entry().status().name(), p.amount().isNegative() ? "OUT" : "IN", p.amount().amount(),
                    Money.CURRENCY, p.balanceAfter() == null ? null : p.balanceAfter().amount(), p.cardId(),
                    maskedNumber(p.cardId(), masked), counterparty);
        }).toList();
        return new HistoryPage(lines, filter.page(), filter.size(), total);
    }

    private String maskedNumber(Long cardId, Map<Long, String> cache) {
        return cache.computeIfAbsent(cardId, id -> cards.find(id).map(c -> c.number().masked()).orElse(""));
    }
}
