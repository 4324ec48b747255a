package org.triad.bank.application.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.triad.bank.application.banking.CardNumbers;
import org.triad.bank.application.banking.MoneyMovements;
import org.triad.bank.application.support.Passwords;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.Role;

/**
 * Creates people without the mail round trips, for seeding a development or test installation: staff accounts and
 * reviewed customers with one active card. Never reachable from the web; money still enters through the ledger
 * ({@link MoneyMovements}), so seeded balances are backed by journal entries.
 */
@Stateless
public class Onboarding {

    @Inject
    CustomerRepository customers;

    @Inject
    CardRepository cards;

    @Inject
    CardNumbers numbers;

    @Inject
    Passwords passwords;

    public boolean exists(String login) {
        return customers.findByLogin(login).isPresent();
    }

    public long staff(String nickname, String email, Role role, String password) {
        Customer staff = Customer.staff(email, nickname, role, passwords.hash(password), Instant.now());
        customers.add(staff);
        return staff.id();
    }

    /** @return the id of the new customer's active card */
    public ReviewedCustomer reviewedCustomerWithCard(String nickname, String email, String password,
                                                     String payPassword, long reviewerId) {
        Customer customer = Customer.register(email, nickname, passwords.hash(password), passwords.hash(payPassword),
                Instant.now());
        customer.activate();
        customer.approveKyc(reviewerId);
        customers.add(customer);
        Card card = new Card(numbers.next(), customer.id(), Instant.now());
        card.activate(Instant.now());
        cards.add(card);
        return new ReviewedCustomer(customer.id(), card.id(), card.number().value());
    }

    /** A new active card for an existing person (e.g. the settlement card of the development merchant's owner). */
    public long openActiveCard(long customerId) {
        Card card = new Card(numbers.next(), customerId, Instant.now());
        card.activate(Instant.now());
        cards.add(card);
        return card.id();
    }

    public record ReviewedCustomer(long customerId, long cardId, String cardNumber) {
    }
}
