package org.triad.bank.application.login;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.support.AuditLog;
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
 * <p>
 * Two limits per account on top of the per-address rate limits (issue 18, {@code docs/security.md}): at most
 * {@code triad.bank.login-code.max-requests} codes are mailed within {@code request-window-seconds} (more requests
 * answer the same but send nothing), and after {@code max-failures} wrong codes within {@code failure-window-seconds},
 * counted across codes, code sign-in is refused ({@link Authentication.Outcome#CODES_LOCKED}) until the window has
 * passed, even with the right code. The password and the other sign-in methods stay open.
 */
@Stateless
public class EmailCodeLogin {

    private static final Logger LOG = Logger.getLogger(EmailCodeLogin.class.getName());

    @Inject
    @ConfigProperty(name = "triad.bank.login-code.max-failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "triad.bank.login-code.failure-window-seconds", defaultValue = "3600")
    long failureWindowSeconds;

    @Inject
    @ConfigProperty(name = "triad.bank.login-code.max-requests", defaultValue = "5")
    int maxRequests;

    @Inject
    @ConfigProperty(name = "triad.bank.login-code.request-window-seconds", defaultValue = "900")
    long requestWindowSeconds;

    @Inject
    AuditLog audit;

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
        if (customer.isEmpty()) {
            passwords.burn(email);
            return;
        }
        long id = customer.get().id();
        if (maxRequests > 0
                && codes.issuedWithin(id, CodePurpose.LOGIN, Duration.ofSeconds(requestWindowSeconds)) >= maxRequests) {
            // the same answer as for any address, but no mail: the mailbox is not flooded, guessing gets no new codes
            audit.record(id, "CODE_REQUEST_LIMITED", CodePurpose.LOGIN.name(), null);
            LOG.info(() -> "Sign-in code request over the per-account limit for customer " + id);
            passwords.burn(email);
            return;
        }
        codes.issue(customer.get(), CodePurpose.LOGIN, "");
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
        // not refused by the password lockout: the code (own limits below) is the owner's way out of it
        Instant blocked = codesBlockedUntil(c.id());
        if (blocked != null) {
            // before the code is looked at: a right code does not help (and is not used up) during the cooling-off
            passwords.burn(code);
            return new Authentication.Result(Authentication.Outcome.CODES_LOCKED, c.id(), java.util.Set.of(), blocked);
        }
        CodeCheck check = codes.check(c.id(), CodePurpose.LOGIN, "", code == null ? null : code.trim());
        if (!check.accepted()) {
            blocked = check == CodeCheck.WRONG ? codesBlockedUntil(c.id()) : null;
            if (blocked != null) {
                audit.record(c.id(), "LOGIN_CODES_LOCKED", CodePurpose.LOGIN.name(), null);
                return new Authentication.Result(Authentication.Outcome.CODES_LOCKED, c.id(), java.util.Set.of(),
                        blocked);
            }
            return new Authentication.Result(Authentication.Outcome.INVALID, 0, java.util.Set.of(), null);
        }
        return authentication.signedInBy(c.id(), "email code");
    }

    private Instant codesBlockedUntil(long customerId) {
        return codes.blockedUntil(customerId, CodePurpose.LOGIN, maxFailures, Duration.ofSeconds(failureWindowSeconds));
    }

    private Optional<Customer> active(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        return customers.findByEmail(Customer.normalizeEmail(email))
                .filter(c -> c.role() == Role.CUSTOMER && c.status() == CustomerStatus.ACTIVE);
    }
}
