package org.triad.bank.application.banking.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.triad.bank.application.banking.MovementRequest;
import org.triad.bank.application.banking.Receipt;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.DatabaseFailures;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardNumber;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.card.CardStatus;
import org.triad.bank.domain.model.card.RecipientNotAvailableException;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.ledger.IdempotencyKeyReusedException;
import org.triad.bank.domain.model.ledger.JournalEntry;
import org.triad.bank.domain.model.ledger.JournalRepository;
import org.triad.bank.domain.model.ledger.LedgerAccount;
import org.triad.bank.domain.model.ledger.Posting;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.InvalidInputException;

/**
 * Moves money and owns what makes a movement safe to repeat. {@link #move} runs each attempt as one JTA transaction
 * ({@link #post}) that locks the cards involved (pessimistic write locks, ascending id order), replays a repeated
 * idempotency key under that lock, changes the balances through the domain and writes one balanced journal entry.
 * When two requests with the same key race past the replay check, the unique constraint on the journal refuses the
 * second insert; {@code move} then answers the first one's stored result. Lock conflicts are retried by the caller
 * ({@code MoneyMovements}); the guarantees are listed in {@link org.triad.bank.domain.model.ledger}.
 * <p>
 * Domain exceptions (insufficient funds, inactive card, reused key) roll the transaction back.
 */
@Stateless
public class Ledger {

    @Inject
    CardRepository cards;

    @Inject
    JournalRepository journal;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext context;

    /** Posts the movement in a transaction of its own; a lost race of two identical keys gets the winner's result. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Receipt move(MovementRequest request) {
        Ledger self = context.getBusinessObject(Ledger.class);
        try {
            return self.post(request);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                return self.replay(request).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** One attempt, one transaction; call {@link #move} instead (it settles the race of two identical keys). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Receipt post(MovementRequest request) {
        return switch (request.type()) {
            case DEPOSIT -> deposit(request);
            case WITHDRAWAL -> withdraw(request);
            case TRANSFER -> transfer(request);
            default -> throw new InvalidInputException("Not a customer movement: " + request.type());
        };
    }

    /**
     * Posts a settlement (a payment or a refund) in the caller's transaction, which has locked what it settles: the
     * cards are locked in ascending id order, each leg debits or credits its card (a debit never below zero, both
     * only on active cards), and one balanced entry of the settlement's type is written.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public JournalEntry settle(Settlement settlement) {
        long[] ids = settlement.legs().stream().mapToLong(Settlement.Leg::cardId).toArray();
        java.util.Map<Long, Card> locked = new java.util.HashMap<>();
        cards.lockInIdOrder(ids).forEach(c -> locked.put(c.id(), c));
        JournalEntry entry = JournalEntry.open(settlement.type(), settlement.initiatorId(),
                settlement.idempotencyKey(), settlement.fingerprint(), settlement.amount(), Instant.now())
                .referencing(settlement.reference());
        // debits first: a refund that a payee card cannot cover fails before anything is credited
        for (Settlement.Leg leg : settlement.legs().stream().sorted(java.util.Comparator.comparing(
                (Settlement.Leg l) -> !l.amount().isNegative())).toList()) {
            Card card = locked.get(leg.cardId());
            if (leg.amount().isNegative()) {
                settlement.onDebit().accept(card);
                card.debit(leg.amount().negate());
            } else {
                card.credit(leg.amount());
            }
            entry.postToCard(card.id(), leg.amount(), card.balance());
        }
        entry.close();
        journal.add(entry);
        audited(entry);
        return entry;
    }

    /** The stored result of an earlier request with the same key, if there is one. */
    public Optional<Receipt> replay(MovementRequest request) {
        return journal.findByIdempotencyKey(request.initiatorId(), request.idempotencyKey()).map(entry -> {
            if (!entry.matches(request.fingerprint())) {
                throw new IdempotencyKeyReusedException(
                        "This Idempotency-Key was already used for a different request.");
            }
            return receipt(entry, request.cardId()).asReplay();
        });
    }

    private Receipt deposit(MovementRequest request) {
        Card card = ownCard(request, cards.lockInIdOrder(request.cardId()).get(0));
        Optional<Receipt> earlier = replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        card.credit(request.amount());
        JournalEntry entry = open(request)
                .postToBank(LedgerAccount.BANK_CASH, request.amount().negate())
                .postToCard(card.id(), request.amount(), card.balance())
                .close();
        journal.add(entry);
        audited(entry);
        return receipt(entry, card, "BANK");
    }

    private Receipt withdraw(MovementRequest request) {
        Card card = ownCard(request, cards.lockInIdOrder(request.cardId()).get(0));
        Optional<Receipt> earlier = replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        card.debit(request.amount());
        JournalEntry entry = open(request)
                .postToCard(card.id(), request.amount().negate(), card.balance())
                .postToBank(LedgerAccount.BANK_CASH, request.amount())
                .close();
        journal.add(entry);
        audited(entry);
        return receipt(entry, card, "BANK");
    }

    private Receipt transfer(MovementRequest request) {
        CardNumber toNumber = CardNumber.parseOrNull(request.toCardNumber());
        if (toNumber == null) {
            throw new RecipientNotAvailableException();
        }
        long toId = cards.findByNumber(toNumber).map(Card::id).orElseThrow(RecipientNotAvailableException::new);
        if (toId == request.cardId()) {
            throw new InvalidInputException("A transfer needs two different cards.");
        }
        List<Card> locked = cards.lockInIdOrder(request.cardId(), toId);
        Card from = ownCard(request, locked.get(0).id() == request.cardId() ? locked.get(0) : locked.get(1));
        Card to = locked.get(0).id() == toId ? locked.get(0) : locked.get(1);
        Optional<Receipt> earlier = replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (to.status() != CardStatus.ACTIVE) {
            throw new RecipientNotAvailableException();
        }
        from.debit(request.amount());
        to.credit(request.amount());
        JournalEntry entry = open(request)
                .postToCard(from.id(), request.amount().negate(), from.balance())
                .postToCard(to.id(), request.amount(), to.balance())
                .close();
        journal.add(entry);
        audited(entry);
        return receipt(entry, from, to.number().masked());
    }

    private void audited(JournalEntry entry) {
        audit.record(entry.initiatorId(), "MONEY_MOVED", "entry:" + entry.id(), entry.type() + " " + entry.amount()
                + " " + Money.CURRENCY);
    }

    private static Card ownCard(MovementRequest request, Card card) {
        if (!card.isOwnedBy(request.initiatorId())) {
            throw new CardNotFoundException("No such card.");
        }
        return card;
    }

    private static JournalEntry open(MovementRequest request) {
        return JournalEntry.open(request.type(), request.initiatorId(), request.idempotencyKey(),
                request.fingerprint(), request.amount(), Instant.now());
    }

    private static Receipt receipt(JournalEntry entry, Card card, String counterparty) {
        Posting own = entry.postings().stream().filter(p -> Long.valueOf(card.id()).equals(p.cardId()))
                .findFirst().orElseThrow();
        return new Receipt(entry.id(), entry.type().name(), entry.status().name(), entry.amount().amount(),
                Money.CURRENCY, card.id(), card.number().masked(), own.balanceAfter().amount(), counterparty,
                entry.createdAt(), false);
    }

    private Receipt receipt(JournalEntry entry, long cardId) {
        Posting own = entry.postings().stream().filter(p -> Long.valueOf(cardId).equals(p.cardId()))
                .findFirst().orElseThrow();
        String counterparty = entry.type() == EntryType.TRANSFER
                ? entry.postings().stream().filter(p -> p != own && p.cardId() != null).findFirst()
                        .flatMap(p -> cards.find(p.cardId())).map(c -> c.number().masked()).orElse("")
                : "BANK";
        String masked = cards.find(cardId).map(c -> c.number().masked()).orElse("");
        return new Receipt(entry.id(), entry.type().name(), entry.status().name(), entry.amount().amount(),
                Money.CURRENCY, cardId, masked, own.balanceAfter().amount(), counterparty, entry.createdAt(), false);
    }
}
