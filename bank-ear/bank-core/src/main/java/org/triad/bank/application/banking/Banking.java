package org.triad.bank.application.banking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.application.banking.internal.IdempotencyClaims;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.support.DatabaseFailures;
import org.triad.bank.application.support.CodeService;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardNumber;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.card.CardStatus;
import org.triad.bank.domain.model.card.InsufficientFundsException;
import org.triad.bank.domain.model.card.RecipientNotAvailableException;
import org.triad.bank.domain.model.code.CodeCheck;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerNotFoundException;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.PayPasswordLockedException;
import org.triad.bank.domain.model.customer.WrongPayPasswordException;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.ledger.IdempotencyKeyInUseException;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.InvalidInputException;

/**
 * Deposits, withdrawals and transfers as a customer asks for them. Each one goes the same way ({@link #move}): the
 * one up-front replay check (a retried request gets its first result without using up another email code), a claim
 * of the idempotency key ({@link IdempotencyClaims}: an identical request still running answers {@code 409
 * idempotency-key-in-use}), then the checks of the request and its confirmations (email code, pay password), then
 * {@link MoneyMovements}. Runs
 * without a transaction of its own: the code check commits its attempt counter on its own, the movement is one
 * transaction in the ledger, which checks again under lock what counts (card states, balances, the key).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Banking {

    private static final Logger LOG = Logger.getLogger(Banking.class.getName());

    @EJB
    MoneyMovements movements;

    @EJB
    IdempotencyClaims claims;

    @EJB
    CodeService codes;

    @Inject
    CustomerRepository customers;

    @Inject
    CardRepository cards;

    @EJB
    Authentication authentication;

    /** Deposit confirmed by a DEPOSIT email code. */
    public Receipt deposit(long customerId, long cardId, BigDecimal amount, Confirmation confirmation,
                           String idempotencyKey) {
        MovementRequest request = new MovementRequest(EntryType.DEPOSIT, customerId, cardId, null,
                Money.parsePositive(amount), idempotencyKey);
        return move(request, r -> {
            approvedCustomer(customerId);
            activeOwnCard(customerId, cardId);
            confirmCode(r, CodePurpose.DEPOSIT, confirmation.emailCode());
        });
    }

    /** Withdrawal confirmed by the pay password. */
    public Receipt withdraw(long customerId, long cardId, BigDecimal amount, Confirmation confirmation,
                            String idempotencyKey) {
        MovementRequest request = new MovementRequest(EntryType.WITHDRAWAL, customerId, cardId, null,
                Money.parsePositive(amount), idempotencyKey);
        return move(request, r -> {
            Customer customer = approvedCustomer(customerId);
            requireBalance(activeOwnCard(customerId, cardId), r.amount());
            confirmPayPassword(customer, confirmation.payPassword());
        });
    }

    /** Transfer to any active card, confirmed by the pay password and a TRANSFER email code. */
    public Receipt transfer(TransferOrder order, Confirmation confirmation) {
        CardNumber to = CardNumber.parseOrNull(order.toCardNumber());
        MovementRequest request = new MovementRequest(EntryType.TRANSFER, order.customerId(), order.fromCardId(),
                to == null ? order.toCardNumber() : to.value(), Money.parsePositive(order.amount()),
                order.idempotencyKey());
        return move(request, r -> {
            Customer customer = approvedCustomer(order.customerId());
            Card from = activeOwnCard(order.customerId(), order.fromCardId());
            if (activeCard(to).id() == from.id()) {
                // refused before the pay password and the e-mailed code are used up (the ledger refuses it too)
                throw new InvalidInputException("A transfer needs two different cards.");
            }
            requireBalance(from, r.amount());
            confirmPayPassword(customer, confirmation.payPassword());
            confirmCode(r, CodePurpose.TRANSFER, confirmation.emailCode());
        });
    }

    /** The recipient of a transfer, masked, for the customer to confirm before sending. */
    public Recipient recipient(long customerId, String cardNumber) {
        approvedCustomer(customerId);
        Card card = activeCard(CardNumber.parseOrNull(cardNumber));
        String name = customers.find(card.ownerId()).map(Customer::maskedName).orElse("*");
        return new Recipient(card.number().masked(), name);
    }

    public record Recipient(String maskedNumber, String maskedName) {
    }

    /**
     * The one path of a customer's movement: the earlier result of a repeated key, else a claim of the key, the
     * checks (which must throw to refuse), then the ledger. The checks come before the confirmations are used up so
     * that an obviously failing request (unknown recipient, too little money) does not cost a code; the ledger checks
     * again under lock.
     * <p>
     * The claim is what makes a retry's answer independent of timing: a request whose key is claimed by an identical
     * request still running is answered {@code 409 idempotency-key-in-use} before it looks at the e-mailed code
     * (which the first one used up), never {@code invalid-code}; once the first has ended, the same key answers its
     * stored result. The claim is released when the request ends, whatever the outcome, so a refused request (a
     * wrong code) can be corrected and sent again with the same key.
     */
    private Receipt move(MovementRequest request, Consumer<MovementRequest> checks) {
        Optional<Receipt> earlier = movements.replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long claim;
        try {
            claim = claims.claim(request);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUniqueViolation(e) && !DatabaseFailures.isTransient(e)) {
                throw e;
            }
            // (a deadlock or lock timeout here is a concurrent claim or release of the same key too)
            // claimed by an identical request (or a different one: reused key): finished by now, or still running?
            earlier = movements.replay(request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            claim = takeOver(request);
        }
        try {
            // the first request may have ended between the replay check above and the claim
            earlier = movements.replay(request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            checks.accept(request);
            return movements.move(request);
        } finally {
            release(claim);
        }
    }

    private long takeOver(MovementRequest request) {
        try {
            return claims.takeOver(request);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isTransient(e)) {
                // a concurrent release or take-over of the same claim
                throw new IdempotencyKeyInUseException();
            }
            throw e;
        }
    }

    private void release(long claim) {
        try {
            claims.release(claim);
        } catch (RuntimeException e) {
            // the request's own outcome counts; a claim left behind turns stale after the lease
            LOG.log(Level.WARNING, "Could not release an idempotency claim", e);
        }
    }

    private Customer approvedCustomer(long customerId) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new CustomerNotFoundException("No such customer."));
        customer.requireApproved();
        return customer;
    }

    private Card activeOwnCard(long customerId, long cardId) {
        Card card = cards.find(cardId).filter(c -> c.isOwnedBy(customerId))
                .orElseThrow(() -> new CardNotFoundException("No such card."));
        card.requireActive();
        return card;
    }

    private Card activeCard(CardNumber number) {
        Card card = number == null ? null : cards.findByNumber(number).orElse(null);
        if (card == null || card.status() != CardStatus.ACTIVE) {
            throw new RecipientNotAvailableException();
        }
        return card;
    }

    private static void requireBalance(Card card, Money amount) {
        if (card.balance().isLessThan(amount)) {
            throw new InsufficientFundsException("The balance of card " + card.number().masked() + " is not sufficient.");
        }
    }

    private void confirmPayPassword(Customer customer, String payPassword) {
        switch (authentication.verifyPayPassword(customer.id(), payPassword)) {
            case OK -> { }
            case WRONG -> throw new WrongPayPasswordException("The pay password is wrong.");
            case LOCKED -> throw new PayPasswordLockedException(
                    "Too many wrong pay passwords; payments are blocked for 15 minutes.");
        }
    }

    private void confirmCode(MovementRequest request, CodePurpose purpose, String code) {
        CodeCheck check = codes.check(request.initiatorId(), purpose, "", code);
        // Two identical requests racing: the loser's code is already used, but the winner's result counts (the
        // ledger answers it for the same key).
        if (!check.accepted() && movements.replay(request).isEmpty()) {
            throw check.toException();
        }
    }
}
