package org.triad.bank.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.customer.Role;

/**
 * Verifies credentials for the identity store and keeps login sessions. Outcomes are results, not exceptions, so
 * that a failed attempt is counted (committed) while the login itself fails.
 */
@Stateless
public class Authentication {

    public enum Outcome { OK, INVALID, LOCKED, NOT_ACTIVATED }

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
        customer.loginSucceeded();
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

    /** Records a sign-in and returns the token the client presents from now on (only its hash is stored). */
    public String openSession(long customerId, String userAgent, String ipAddress) {
        String token = Hashes.randomToken();
        LoginSession session = new LoginSession(customerId, Hashes.sha256Hex(token), userAgent, ipAddress, Instant.now());
        sessions.add(session);
        audit.record(customerId, "LOGIN", "session:" + session.id(), "ip " + ipAddress);
        return token;
    }

    public Result verifySession(String token) {
        if (token == null || token.isBlank()) {
            return Result.of(Outcome.INVALID);
        }
        Optional<LoginSession> session = sessions.findByTokenHash(Hashes.sha256Hex(token)).filter(LoginSession::isActive);
        if (session.isEmpty()) {
            return Result.of(Outcome.INVALID);
        }
        Optional<Customer> customer = customers.find(session.get().customerId());
        if (customer.isEmpty() || customer.get().isLocked(Instant.now())) {
            return Result.of(Outcome.INVALID);
        }
        session.get().seen(Instant.now());
        return new Result(Outcome.OK, customer.get().id(), groups(customer.get()), null);
    }

    public void closeSession(String token) {
        if (token != null) {
            sessions.findByTokenHash(Hashes.sha256Hex(token)).ifPresent(s -> s.revoke(Instant.now()));
        }
    }

    public java.util.List<SessionView> sessions(long customerId) {
        return sessions.findByCustomer(customerId).stream()
                .map(s -> new SessionView(s.id(), s.userAgent(), s.ipAddress(), s.createdAt(), s.lastSeenAt(),
                        s.isActive()))
                .toList();
    }

    public record SessionView(long id, String userAgent, String ipAddress, Instant createdAt, Instant lastSeenAt,
                              boolean active) {
    }

    private static Set<String> groups(Customer customer) {
        return switch (customer.role()) {
            case CUSTOMER -> Set.of(Role.CUSTOMER.group());
            case CLERK -> Set.of(Role.CLERK.group());
            case ADMIN -> Set.of(Role.ADMIN.group(), Role.CLERK.group());
        };
    }
}
