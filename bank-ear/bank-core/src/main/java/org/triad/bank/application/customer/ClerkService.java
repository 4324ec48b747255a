package org.triad.bank.application.customer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.History;
import org.triad.bank.application.banking.HistoryFilter;
import org.triad.bank.application.banking.HistoryPage;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.DeviceView;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerNotFoundException;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.shared.NotPermittedException;

/**
 * What clerks do: KYC decisions, freezing cards, a customer's devices and signing them out. Every method takes the acting clerk's id and checks the role
 * against the database, whatever the web layer already checked.
 */
@Stateless
public class ClerkService {

    @Inject
    CustomerRepository customers;

    @Inject
    CardRepository cards;

    @Inject
    CustomerService customerService;

    @Inject
    AuditLog audit;

    @EJB
    History history;

    @EJB
    DeviceSessions devices;

    public CustomerView approve(long clerkId, long customerId) {
        requireClerk(clerkId);
        Customer customer = customer(customerId);
        customer.approveKyc(clerkId);
        audit.record(clerkId, "KYC_APPROVED", "customer:" + customerId, null);
        return CustomerView.of(customer);
    }

    public CustomerView reject(long clerkId, long customerId, String reason) {
        requireClerk(clerkId);
        Customer customer = customer(customerId);
        customer.rejectKyc(reason, clerkId);
        audit.record(clerkId, "KYC_REJECTED", "customer:" + customerId, reason);
        return CustomerView.of(customer);
    }

    public List<CustomerView> search(long clerkId, String kycStatus, String text, int offset, int limit) {
        requireClerk(clerkId);
        return customerService.search(kycStatus, text, offset, limit);
    }

    public List<CardView> cardsOf(long clerkId, long customerId) {
        requireClerk(clerkId);
        return cards.findByOwner(customerId).stream().map(CardView::of).toList();
    }

    public CardView freeze(long clerkId, long cardId) {
        requireClerk(clerkId);
        Card card = cards.lockInIdOrder(cardId).get(0);
        card.freeze();
        audit.record(clerkId, "CARD_FROZEN", "card:" + cardId, null);
        return CardView.of(card);
    }

    public CardView unfreeze(long clerkId, long cardId) {
        requireClerk(clerkId);
        Card card = cards.find(cardId).orElseThrow(() -> new CardNotFoundException("No such card."));
        card = cards.lockInIdOrder(card.id()).get(0);
        card.unfreeze();
        audit.record(clerkId, "CARD_UNFROZEN", "card:" + cardId, null);
        return CardView.of(card);
    }

    /** Transactions across customers: of one card (number), one customer, or all, with the usual filters. */
    public HistoryPage transactions(long clerkId, Long customerId, String cardNumber, HistoryFilter filter) {
        requireClerk(clerkId);
        return history.search(customerId, cardNumber, filter);
    }

    public List<AuditLog.View> audit(long clerkId, Long actorId, String action, int offset, int limit) {
        requireClerk(clerkId);
        return audit.find(actorId, action == null || action.isBlank() ? null : action.trim(), offset, limit);
    }

    /** A customer's device sessions, newest first (for a clerk helping a customer who lost a phone, say). */
    public List<DeviceView> devicesOf(long clerkId, long customerId) {
        requireClerk(clerkId);
        customer(customerId);
        return devices.list(customerId, null);
    }

    /**
     * Signs a customer out everywhere (a stolen phone, a suspected takeover): every device session ends, its access
     * tokens are refused by every resource server at once, its refresh tokens are dead. Staff accounts are not
     * signed out this way.
     *
     * @return how many sessions were ended
     */
    public int signOutEverywhere(long clerkId, long customerId) {
        requireClerk(clerkId);
        Customer customer = customer(customerId);
        if (customer.role() != Role.CUSTOMER) {
            throw new NotPermittedException("Only customers are signed out from the back office.");
        }
        int n = devices.revokeAllByBank(customerId);
        audit.record(clerkId, "CUSTOMER_SIGNED_OUT", "customer:" + customerId, n + " sessions");
        return n;
    }

    private void requireClerk(long clerkId) {
        Role role = customers.find(clerkId).map(Customer::role).orElse(Role.CUSTOMER);
        if (role == Role.CUSTOMER) {
            throw new NotPermittedException("Only clerks may do this.");
        }
    }

    private Customer customer(long customerId) {
        return customers.find(customerId).orElseThrow(() -> new CustomerNotFoundException("No such customer."));
    }
}
