package org.triad.bank.application.banking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import org.triad.bank.application.login.Authentication;
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
import org.triad.bank.domain.model.money.Money;

/**
 * Deposits, withdrawals and transfers as a customer asks for them: validates the request, returns the stored
 * result for a repeated idempotency key before anything else, checks the confirmations (email code, pay
 * password) and hands the movement to {@link MoneyMovements}. Runs without a transaction of its own: the code
 * check commits its attempt counter on its own, the movement is one transaction in the ledger.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Banking {

    @EJB
    MoneyMovements movements;

    @EJB
    CodeService codes;

    @Inject
    CustomerRepository customers;

    @Inject
    CardRepository cards;

    @EJB
    Authentication authentication;

    /** Deposit confirmed by a DEPOSIT email code. */
    public Receipt deposit(long customerId, long cardId, BigDecimal amount, String code, String idempotencyKey) {
        MovementRequest request = new MovementRequest(EntryType.DEPOSIT, customerId, cardId, null,
                Money.parsePositive(amount), idempotencyKey);
        Optional<Receipt> earlier = movements.replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        approvedCustomer(customerId);
        activeOwnCard(customerId, cardId);
        confirmCode(request, CodePurpose.DEPOSIT, code);
        return movements.move(request);
    }

    /** Withdrawal confirmed by the pay password. */
    public Receipt withdraw(long customerId, long cardId, BigDecimal amount, String payPassword,
                            String idempotencyKey) {
        MovementRequest request = new MovementRequest(EntryType.WITHDRAWAL, customerId, cardId, null,
                Money.parsePositive(amount), idempotencyKey);
        Optional<Receipt> earlier = movements.replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Customer customer = approvedCustomer(customerId);
        Card card = activeOwnCard(customerId, cardId);
        if (card.balance().isLessThan(request.amount())) {
            throw new InsufficientFundsException("The balance of card " + card.number().masked() + " is not sufficient.");
        }
        confirmPayPassword(customer, payPassword);
        return movements.move(request);
    }

    /** Transfer to any active card, confirmed by the pay password and a TRANSFER email code. */
    public Receipt transfer(long customerId, long cardId, String toCardNumber, BigDecimal amount, String payPassword,
                            String code, String idempotencyKey) {
        CardNumber to = CardNumber.parseOrNull(toCardNumber);
        MovementRequest request = new MovementRequest(EntryType.TRANSFER, customerId, cardId,
                to == null ? toCardNumber : to.value(), Money.parsePositive(amount), idempotencyKey);
        Optional<Receipt> earlier = movements.replay(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Customer customer = approvedCustomer(customerId);
        Card from = activeOwnCard(customerId, cardId);
        // Checked here so that an obviously failing transfer does not use up the code; the ledger checks again
        // under lock, which is what counts.
        Card recipient = to == null ? null : cards.findByNumber(to).orElse(null);
        if (recipient == null || recipient.status() != CardStatus.ACTIVE) {
            throw new RecipientNotAvailableException();
        }
        if (from.balance().isLessThan(request.amount())) {
            throw new InsufficientFundsException("The balance of card " + from.number().masked() + " is not sufficient.");
        }
        confirmPayPassword(customer, payPassword);
        confirmCode(request, CodePurpose.TRANSFER, code);
        return movements.move(request);
    }

    /** The recipient of a transfer, masked, for the customer to confirm before sending. */
    public Recipient recipient(long customerId, String cardNumber) {
        approvedCustomer(customerId);
        CardNumber number = CardNumber.parseOrNull(cardNumber);
        Card card = number == null ? null : cards.findByNumber(number).orElse(null);
        if (card == null || card.status() != CardStatus.ACTIVE) {
            throw new RecipientNotAvailableException();
        }
        String name = customers.find(card.ownerId()).map(Customer::maskedName).orElse("*");
        return new Recipient(card.number().masked(), name);
    }

    public record Recipient(String maskedNumber, String maskedName) {
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
        if (!check.accepted()) {
            // Two identical requests racing: the loser's code is already used, but the winner's result counts.
            Optional<Receipt> earlier = movements.replay(request);
            if (earlier.isPresent()) {
                return;
            }
            throw check.toException();
        }
    }
}
