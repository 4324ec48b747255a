package org.triad.bank.application.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.CodeService;
import org.triad.bank.application.support.Passwords;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.code.CodeCheck;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.code.InvalidCodeException;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerNotFoundException;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.EmailTakenException;
import org.triad.bank.domain.model.shared.InvalidInputException;

/** Registration, activation, profile and code requests of customers. */
@Stateless
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    CardRepository cards;

    @Inject
    CodeService codes;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    org.triad.bank.domain.model.customer.LoginSessionRepository sessions;

    /** Registers an unverified customer and mails the activation code. */
    public CustomerView register(String nickname, String email, String password, String payPassword) {
        String name = Customer.requireNickname(nickname);
        if (email == null || email.length() > 254 || !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("A valid email address is required.");
        }
        Passwords.requireAcceptablePassword(password);
        Passwords.requireAcceptablePayPassword(payPassword);
        if (customers.findByEmail(email).isPresent()) {
            throw new EmailTakenException("This email address is already registered.");
        }
        Customer customer = Customer.register(email, name, passwords.hash(password),
                passwords.hash(payPassword), Instant.now());
        customers.add(customer);
        codes.issue(customer, CodePurpose.ACTIVATION, "");
        audit.record(customer.id(), "REGISTERED", "customer:" + customer.id(), null);
        return CustomerView.of(customer);
    }

    /** A new activation code for an unverified customer; silently nothing for unknown or active ones. */
    public void resendActivation(String email) {
        customers.findByEmail(email)
                .filter(c -> c.status() == CustomerStatus.UNVERIFIED)
                .ifPresent(c -> codes.issue(c, CodePurpose.ACTIVATION, ""));
    }

    public CustomerView activate(String email, String code) {
        Customer customer = customers.findByEmail(email)
                .orElseThrow(() -> new InvalidCodeException("The code is wrong."));
        CodeCheck check = codes.check(customer.id(), CodePurpose.ACTIVATION, "", code);
        if (!check.accepted()) {
            throw check.toException();
        }
        customer.activate();
        audit.record(customer.id(), "ACTIVATED", "customer:" + customer.id(), null);
        return CustomerView.of(customer);
    }

    public CustomerView profile(long customerId) {
        return CustomerView.of(require(customerId));
    }

    /**
     * Mails a code for an operation the signed-in customer is about to confirm. Card activation codes are bound to
     * one of the customer's cards.
     */
    public Instant requestCode(long customerId, CodePurpose purpose, Long cardId) {
        Customer customer = require(customerId);
        String subject = "";
        switch (purpose) {
            case DEPOSIT, TRANSFER, PAY_PASSWORD -> customer.requireApproved();
            case CARD_ACTIVATION -> {
                if (cardId == null || cards.find(cardId).filter(c -> c.isOwnedBy(customerId)).isEmpty()) {
                    throw new CardNotFoundException("No such card.");
                }
                subject = String.valueOf(cardId);
            }
            default -> throw new InvalidInputException("Codes for " + purpose + " are not requested here.");
        }
        return codes.issue(customer, purpose, subject);
    }

    /** Changes the pay password, confirmed by a PAY_PASSWORD code. */
    public void changePayPassword(long customerId, String newPayPassword, String code) {
        Customer customer = require(customerId);
        Passwords.requireAcceptablePayPassword(newPayPassword);
        CodeCheck check = codes.check(customerId, CodePurpose.PAY_PASSWORD, "", code);
        if (!check.accepted()) {
            throw check.toException();
        }
        customer.changePayPasswordHash(passwords.hash(newPayPassword));
        audit.record(customerId, "PAY_PASSWORD_CHANGED", "customer:" + customerId, null);
    }

    /** Mails a password reset code to an active customer; silently nothing otherwise (no account enumeration). */
    public void requestPasswordReset(String email) {
        customers.findByEmail(email)
                .filter(c -> c.status() == CustomerStatus.ACTIVE)
                .ifPresent(c -> codes.issue(c, CodePurpose.PASSWORD_RESET, ""));
    }

    /** Sets a new login password with a PASSWORD_RESET code; also lifts a lockout. */
    public void resetPassword(String email, String code, String newPassword) {
        Passwords.requireAcceptablePassword(newPassword);
        Customer customer = customers.findByEmail(email)
                .orElseThrow(() -> new InvalidCodeException("The code is wrong."));
        CodeCheck check = codes.check(customer.id(), CodePurpose.PASSWORD_RESET, "", code);
        if (!check.accepted()) {
            throw check.toException();
        }
        customer.changePasswordHash(passwords.hash(newPassword));
        audit.record(customer.id(), "PASSWORD_RESET", "customer:" + customer.id(), null);
        // whoever knew the old password is signed out everywhere
        Instant now = Instant.now();
        sessions.findByCustomer(customer.id()).forEach(session -> session.revoke(now));
    }

    public CustomerView rename(long customerId, String nickname) {
        Customer customer = require(customerId);
        customer.rename(nickname);
        return CustomerView.of(customer);
    }

    /** The portal's profile form: name and phone number together, both or neither (bad input changes nothing). */
    public CustomerView updateProfile(long customerId, String nickname, String phone) {
        Customer customer = require(customerId);
        customer.rename(nickname);
        customer.changePhone(phone);
        return CustomerView.of(customer);
    }

    /** Sets or (null or blank) removes the customer's phone number; see {@code Customer.changePhone}. */
    public CustomerView changePhone(long customerId, String phone) {
        Customer customer = require(customerId);
        customer.changePhone(phone);
        return CustomerView.of(customer);
    }

    public List<CustomerView> search(String kycStatus, String text, int offset, int limit) {
        org.triad.bank.domain.model.customer.KycStatus kyc = null;
        if (kycStatus != null && !kycStatus.isBlank()) {
            try {
                kyc = org.triad.bank.domain.model.customer.KycStatus.valueOf(kycStatus.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Unknown KYC status " + kycStatus + ".");
            }
        }
        return customers.search(kyc, text, offset, limit).stream().map(CustomerView::of).toList();
    }

    Customer require(long customerId) {
        return customers.find(customerId).orElseThrow(() -> new CustomerNotFoundException("No such customer."));
    }
}
