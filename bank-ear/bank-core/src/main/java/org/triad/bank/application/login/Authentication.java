package org.triad.bank.application.login;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.application.support.Passwords;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.customer.SessionNotFoundException;
import org.triad.bank.domain.model.identity.DeviceKind;
import org.triad.bank.domain.model.login.TotpEnrolment;
import org.triad.bank.domain.model.login.TotpRepository;

/**
 * Verifies credentials for the identity store and keeps login sessions. Outcomes are results, not exceptions, so
 * that a failed attempt is counted (committed) while the login itself fails.
 */
@Stateless
public class Authentication {

    /** {@code CODES_LOCKED}: sign-in by e-mail code paused for the account ({@code lockedUntil}); passwords still work. */
    public enum Outcome { OK, INVALID, LOCKED, NOT_ACTIVATED, CODES_LOCKED }

    public record Result(Outcome outcome, long customerId, Set<String> groups, Instant lockedUntil) {

        static Result of(Outcome outcome) {
            return new Result(outcome, 0, Set.of(), null);
        }
    }

    @Inject
    CustomerRepository customers;

    @Inject
    LoginSessionRepository sessions;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @EJB
    DeviceSessions devices;
    @Inject
    TotpRepository totp;

    /** The {@code method} of {@link #signedInBy} for the authenticator step after a password. */
    public static final String SECOND_STEP = "totp";

    public Result verifyPassword(String login, String password) {
        Instant now = Instant.now();
        Optional<Customer> found = customers.findByLogin(login);
        if (found.isEmpty()) {
            passwords.burn(password);
            return Result.of(Outcome.INVALID);
        }
        Customer customer = found.get();
        if (customer.isLocked(now)) {
            return new Result(Outcome.LOCKED, customer.id(), Set.of(), customer.lockedUntil());
        }
        if (!passwords.matches(password, customer.passwordHash())) {
            customer.loginFailed(now);
            audit.record(customer.id(), customer.isLocked(now) ? "LOGIN_LOCKED" : "LOGIN_FAILED", null, null);
            return customer.isLocked(now)
                    ? new Result(Outcome.LOCKED, customer.id(), Set.of(), customer.lockedUntil())
                    : Result.of(Outcome.INVALID);
        }
        if (customer.status() != CustomerStatus.ACTIVE) {
            return Result.of(Outcome.NOT_ACTIVATED);
        }
        if (!totp.find(customer.id()).map(TotpEnrolment::isActive).orElse(false)) {
            // with an authenticator, the failure count is reset only by the second step: a right password must
            // not give an attacker five more guesses of the code
            customer.loginSucceeded();
        }
        return new Result(Outcome.OK, customer.id(), groups(customer), null);
    }

    /**
     * The sign-in of a customer whose credential another service has checked (email code, QR login confirmed on a
     * signed-in phone, second step): OK with the customer's groups if the account may sign in now.
     */
    public Result signedInBy(long customerId, String method) {
        // (a sign-in by e-mail code, QR or passkey is not refused by the password lockout and, without an
        // authenticator, lifts it: that is the owner's way out of a lockout a stranger caused)
        Instant now = Instant.now();
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            return Result.of(Outcome.INVALID);
        }
        if (SECOND_STEP.equals(method) && customer.isLocked(now)) {
            // the authenticator code follows a password: the password lockout (which its failures also count
            // toward) holds for it; the other methods prove something a guesser of passwords does not have
            return new Result(Outcome.LOCKED, customer.id(), Set.of(), customer.lockedUntil());
        }
        if (customer.status() != CustomerStatus.ACTIVE) {
            return Result.of(Outcome.NOT_ACTIVATED);
        }
        if (!totp.find(customerId).map(TotpEnrolment::isActive).orElse(false)) {
            customer.loginSucceeded();
        }
        return new Result(Outcome.OK, customer.id(), groups(customer), null);
    }

    public enum PayPasswordCheck { OK, WRONG, LOCKED }

    /**
     * Checks a pay password and counts failures (committed even though the payment then fails: the caller runs
     * without a transaction, so this is one of its own).
     */
    public PayPasswordCheck verifyPayPassword(long customerId, String payPassword) {
        Instant now = Instant.now();
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            return PayPasswordCheck.WRONG;
        }
        if (customer.isPayPasswordLocked(now)) {
            return PayPasswordCheck.LOCKED;
        }
        if (!passwords.matches(payPassword, customer.payPasswordHash())) {
            customer.payPasswordFailed(now);
            audit.record(customerId, customer.isPayPasswordLocked(now) ? "PAY_PASSWORD_LOCKED" : "PAY_PASSWORD_FAILED",
                    null, null);
            return customer.isPayPasswordLocked(now) ? PayPasswordCheck.LOCKED : PayPasswordCheck.WRONG;
        }
        customer.payPasswordSucceeded();
        return PayPasswordCheck.OK;
    }

    /**
     * Changes the signed-in customer's login password, given the current one. A wrong current password counts
     * like a failed sign-in (5 in a row lock the account) and is answered as an outcome, not an exception, so that
     * the count commits. On success every other session of the customer is signed out; the one holding
     * {@code keepToken} stays.
     *
     * @throws org.triad.bank.domain.model.shared.InvalidInputException if the new password is not acceptable
     */
    public Outcome changePassword(long customerId, String currentPassword, String newPassword, String keepToken) {
        Passwords.requireAcceptablePassword(newPassword);
        Instant now = Instant.now();
        Customer customer = customers.find(customerId).orElse(null);
        if (customer == null) {
            return Outcome.INVALID;
        }
        if (customer.isLocked(now)) {
            return Outcome.LOCKED;
        }
        if (currentPassword == null || !passwords.matches(currentPassword, customer.passwordHash())) {
            customer.loginFailed(now);
            audit.record(customerId, customer.isLocked(now) ? "LOGIN_LOCKED" : "LOGIN_FAILED", null,
                    "password change");
            return customer.isLocked(now) ? Outcome.LOCKED : Outcome.INVALID;
        }
        customer.changePasswordHash(passwords.hash(newPassword));
        audit.record(customerId, "PASSWORD_CHANGED", "customer:" + customerId, null);
        revokeOtherSessions(customerId, keepToken);
        return Outcome.OK;
    }

    /**
     * Records a portal sign-in (a {@code PORTAL} device session) and returns the token the client presents from now
     * on (only its hash is stored).
     */
    public String openSession(long customerId, String userAgent, String ipAddress) {
        return openSession(customerId, DeviceKind.PORTAL, userAgent, ipAddress);
    }

    /** Records a sign-in of the given kind (PORTAL or API) and returns its token (only its hash is stored). */
    public String openSession(long customerId, DeviceKind kind, String userAgent, String ipAddress) {
        return devices.openWithToken(customerId, kind, userAgent, ipAddress).token();
    }

    public Result verifySession(String token) {
        if (token == null || token.isBlank()) {
            return Result.of(Outcome.INVALID);
        }
        Instant now = Instant.now();
        Optional<LoginSession> session = sessions.findByTokenHash(Hashes.sha256Hex(token))
                .filter(s -> s.isActiveAt(now));
        if (session.isEmpty()) {
            return Result.of(Outcome.INVALID);
        }
        Optional<Customer> customer = customers.find(session.get().customerId());
        // a password lockout ends no session already open (anyone who knows the address can cause one)
        if (customer.isEmpty()) {
            return Result.of(Outcome.INVALID);
        }
        devices.touch(session.get().handle(), null);
        return new Result(Outcome.OK, customer.get().id(), groups(customer.get()), null);
    }

    public void closeSession(String token) {
        if (token != null) {
            sessions.findByTokenHash(Hashes.sha256Hex(token))
                    .ifPresent(s -> devices.revokeSession(s.id(), "signed-out"));
        }
    }

    /** The device session handle of a session token, if it is known. */
    public Optional<String> handleOf(String token) {
        return token == null || token.isBlank() ? Optional.empty()
                : sessions.findByTokenHash(Hashes.sha256Hex(token)).map(LoginSession::handle);
    }

    public java.util.List<SessionView> sessions(long customerId) {
        return sessions(customerId, null);
    }

    /**
     * The customer's login sessions, newest first; the one whose token is {@code currentToken} (the caller's own)
     * is marked {@code current}.
     */
    public java.util.List<SessionView> sessions(long customerId, String currentToken) {
        String currentHash = currentToken == null ? null : Hashes.sha256Hex(currentToken);
        Instant now = Instant.now();
        return sessions.findByCustomer(customerId).stream()
                .map(s -> new SessionView(s.id(), s.userAgent(), s.ipAddress(), s.createdAt(), s.lastSeenAt(),
                        s.isActiveAt(now), s.hasTokenHash(currentHash)))
                .toList();
    }

    /**
     * Signs out one of the customer's sessions (its token is refused from now on, its access tokens too). Another
     * customer's session id is answered like a missing one.
     */
    public void revokeSession(long customerId, long sessionId) {
        LoginSession session = sessions.findByCustomer(customerId).stream().filter(s -> s.id() == sessionId)
                .findFirst().orElseThrow(() -> new SessionNotFoundException("No such session."));
        devices.revoke(customerId, session.handle());
    }

    /**
     * Signs out every active session of the customer except the one holding {@code keepToken} (all of them if it
     * is null).
     *
     * @return how many sessions were signed out
     */
    public int revokeOtherSessions(long customerId, String keepToken) {
        String keepHandle = handleOf(keepToken).orElse(null);
        return devices.revokeAllExcept(customerId, keepHandle);
    }

    public record SessionView(long id, String userAgent, String ipAddress, Instant createdAt, Instant lastSeenAt,
                              boolean active, boolean current) {
    }

    /** The security groups (token {@code roles}) of a customer or staff member. */
    public static Set<String> groupsOf(Customer customer) {
        return groups(customer);
    }

    private static Set<String> groups(Customer customer) {
        return switch (customer.role()) {
            case CUSTOMER -> Set.of(Role.CUSTOMER.group());
            case CLERK -> Set.of(Role.CLERK.group());
            case ADMIN -> Set.of(Role.ADMIN.group(), Role.CLERK.group());
        };
    }
}
