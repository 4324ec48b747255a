package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.ca.domain.model.account.CaAccount;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;

/**
 * Sign-in of CA administrators and enrolment clients: PBKDF2-hashed passwords, and a lock after
 * {@code triad.ca.login.max-failures} wrong passwords in a row. Every form sign-in and every
 * failure is audited.
 */
@Stateless
public class CaAccounts {

    @PersistenceContext(unitName = "ca")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "triad.ca.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "triad.ca.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    void init() {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256", "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
    }

    /**
     * @param auditSuccess whether a successful sign-in is recorded (form sign-ins yes; each HTTP
     *                     Basic request of an API client no, to keep the log meaningful)
     * @return the account's roles, or empty if the credentials are wrong or the account is locked
     */
    public Optional<Set<String>> authenticate(String username, char[] password, boolean auditSuccess, String from) {
        init();
        CaAccount account = username == null ? null : em.find(CaAccount.class, username);
        Instant now = Instant.now();
        if (account == null) {
            audit.record(username, AuditAction.LOGIN, username, AuditOutcome.FAILURE, "unknown account" + from(from));
            return Optional.empty();
        }
        if (account.isLockedAt(now)) {
            audit.record(username, AuditAction.LOGIN, username, AuditOutcome.DENIED,
                    "account locked until " + account.lockedUntil() + from(from));
            return Optional.empty();
        }
        if (!hash.verify(password, account.passwordHash())) {
            account.recordFailedLogin(now, maxFailures, Duration.ofMinutes(lockMinutes));
            audit.record(username, AuditAction.LOGIN, username, AuditOutcome.FAILURE,
                    (account.isLockedAt(now) ? "wrong password; account locked" : "wrong password") + from(from));
            return Optional.empty();
        }
        account.recordSuccessfulLogin();
        if (auditSuccess) {
            audit.record(username, AuditAction.LOGIN, username, AuditOutcome.SUCCESS, "signed in" + from(from));
        }
        return Optional.of(account.roles());
    }

    /** Creates the account unless it exists; used by the development seed and the bootstrap admin. */
    public boolean createIfAbsent(String username, char[] password, Set<String> roles, String actor) {
        if (em.find(CaAccount.class, username) != null) {
            return false;
        }
        init();
        em.persist(new CaAccount(username, hash.generate(password), roles, Instant.now()));
        audit.record(actor, AuditAction.ACCOUNT_CHANGED, username, AuditOutcome.SUCCESS, "account created with roles " + roles);
        return true;
    }

    /** Whether {@code username} is an existing account with {@code role}; false for anonymous callers. */
    public boolean hasRole(String username, String role) {
        CaAccount account = username == null || username.isBlank() ? null : em.find(CaAccount.class, username);
        return account != null && account.roles().contains(role);
    }

    private static String from(String from) {
        return from == null ? "" : " from " + from;
    }
}
