package org.triad.bank.application.login;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.support.CodeService;
import org.triad.bank.application.support.Passwords;
import org.triad.bank.domain.model.code.CodeCheck;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.Role;

/**
 * Sign-in with a one-time code by email (purpose {@code LOGIN}: hashed, 10 minutes, 5 attempts, single use).
 * Requesting a code answers the same for every address, so the answer reveals no account.
 */
@Stateless
public class EmailCodeLogin {

    @Inject
    CustomerRepository customers;

    @EJB
    CodeService codes;

    @EJB
    Authentication authentication;

    @Inject
    Passwords passwords;

    /** Mails a sign-in code to an active customer; does nothing (in about the same time) for any other address. */
    public void requestCode(String email) {
        Optional<Customer> customer = active(email);
        if (customer.isPresent()) {
            codes.issue(customer.get(), CodePurpose.LOGIN, "");
        } else {
            passwords.burn(email);
        }
    }

    /**
     * Checks an email and sign-in code. A wrong code uses up one of the code's attempts (committed on its own).
     * Does not open a session: the caller adds the second step if the customer has TOTP.
     */
    public Authentication.Result verify(String email, String code) {
        Optional<Customer> customer = active(email);
        if (customer.isEmpty()) {
            passwords.burn(code);
            return new Authentication.Result(Authentication.Outcome.INVALID, 0, java.util.Set.of(), null);
        }
        Customer c = customer.get();
        if (c.isLocked(Instant.now())) {
            return new Authentication.Result(Authentication.Outcome.LOCKED, c.id(), java.util.Set.of(), c.lockedUntil());
        }
        CodeCheck check = codes.check(c.id(), CodePurpose.LOGIN, "", code == null ? null : code.trim());
        if (!check.accepted()) {
            return new Authentication.Result(Authentication.Outcome.INVALID, 0, java.util.Set.of(), null);
        }
        return authentication.signedInBy(c.id(), "email code");
    }

    private Optional<Customer> active(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return customers.findByEmail(Customer.normalizeEmail(email))
                .filter(c -> c.role() == Role.CUSTOMER && c.status() == CustomerStatus.ACTIVE);
    }
}
