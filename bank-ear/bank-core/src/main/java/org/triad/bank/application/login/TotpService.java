package org.triad.bank.application.login;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.application.support.Passwords;
import org.triad.bank.domain.model.code.InvalidCodeException;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerNotFoundException;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.login.RecoveryCode;
import org.triad.bank.domain.model.login.TotpEnrolment;
import org.triad.bank.domain.model.login.TotpRepository;
import org.triad.bank.domain.model.shared.InvalidStateException;

/**
 * TOTP authenticators: enrolment (pending until confirmed with a first code), recovery codes (shown once),
 * disabling, and the second sign-in step. Wrong second-step codes count toward the account lockout like wrong
 * passwords; callers run without a transaction, so the count commits with this service's own.
 */
@Stateless
public class TotpService {

    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    public enum Check { OK, WRONG, LOCKED, NOT_ENROLLED }

    /** What the security page shows. */
    public record State(boolean active, boolean pending, int recoveryCodesLeft, Instant activatedAt) {
    }

    /** A started enrolment: the secret for typing in, and the URI the QR code carries. */
    public record Setup(String secret, String uri) {
    }

    @Inject
    TotpRepository totp;

    @Inject
    CustomerRepository customers;

    @Inject
    SecretBox box;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    public State state(long customerId) {
        Optional<TotpEnrolment> e = totp.find(customerId);
        int left = (int) totp.recoveryCodes(customerId).stream().filter(r -> !r.isUsed()).count();
        return new State(e.map(TotpEnrolment::isActive).orElse(false),
                e.map(x -> !x.isActive()).orElse(false), e.map(TotpEnrolment::isActive).orElse(false) ? left : 0,
                e.map(TotpEnrolment::activatedAt).orElse(null));
    }

    /** Whether sign-ins of the customer need a second step. */
    public boolean required(long customerId) {
        return totp.find(customerId).map(TotpEnrolment::isActive).orElse(false);
    }

    /** Starts (or restarts) an enrolment with a new secret. */
    public Setup start(long customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> new CustomerNotFoundException("No such customer."));
        byte[] secret = Totp.newSecret();
        Instant now = Instant.now();
        Optional<TotpEnrolment> existing = totp.lock(customerId);
        if (existing.isPresent()) {
            existing.get().restart(box.seal(secret), now);
        } else {
            totp.add(new TotpEnrolment(customerId, box.seal(secret), now));
        }
        return new Setup(Totp.base32(secret), Totp.uri(customer.email(), secret));
    }

    /** The pending enrolment's setup again (to draw its QR code), if one is pending. */
    public Optional<Setup> pending(long customerId) {
        Optional<TotpEnrolment> e = totp.find(customerId).filter(x -> !x.isActive());
        if (e.isEmpty()) {
            return Optional.empty();
        }
        Customer customer = customers.find(customerId).orElseThrow(() -> new CustomerNotFoundException("No such customer."));
        byte[] secret = box.open(e.get().secretEncrypted());
        return Optional.of(new Setup(Totp.base32(secret), Totp.uri(customer.email(), secret)));
    }

    /**
     * Activates the pending enrolment with a first code from the app.
     *
     * @return the 10 recovery codes, in clear text this once
     * @throws InvalidCodeException if the code is wrong (nothing changes)
     */
    public List<String> confirm(long customerId, String code) {
        TotpEnrolment e = totp.lock(customerId).filter(x -> !x.isActive())
                .orElseThrow(() -> new InvalidStateException("No authenticator enrolment is pending."));
        long step = Totp.matchingStep(box.open(e.secretEncrypted()), trim(code), Instant.now(), e.lastUsedStep());
        if (step < 0) {
            throw new InvalidCodeException("The code from the authenticator app is wrong.");
        }
        e.use(step);
        e.activate(Instant.now());
        audit.record(customerId, "TOTP_ENABLED", "customer:" + customerId, null);
        return newRecoveryCodes(customerId);
    }

    /** Replaces all recovery codes of an active enrolment. */
    public List<String> regenerateRecoveryCodes(long customerId) {
        totp.find(customerId).filter(TotpEnrolment::isActive)
                .orElseThrow(() -> new InvalidStateException("No authenticator is active."));
        audit.record(customerId, "RECOVERY_CODES_REGENERATED", "customer:" + customerId, null);
        return newRecoveryCodes(customerId);
    }

    /**
     * Turns TOTP off, given a current code (or a recovery code) or the login password. A wrong proof counts toward
     * the lockout (so the answer is an outcome, and the count commits).
     */
    public Check disable(long customerId, String codeOrPassword) {
        if (totp.find(customerId).filter(TotpEnrolment::isActive).isEmpty()) {
            // a pending enrolment is simply dropped
            totp.find(customerId).ifPresent(totp::remove);
            return Check.NOT_ENROLLED;
        }
        Customer customer = customers.find(customerId).orElseThrow(() -> new CustomerNotFoundException("No such customer."));
        Check check = verify(customerId, codeOrPassword);
        if (check == Check.WRONG && codeOrPassword != null && passwords.matches(codeOrPassword, customer.passwordHash())) {
            check = Check.OK;
        }
        if (check != Check.OK) {
            return check;
        }
        totp.lock(customerId).ifPresent(totp::remove);
        totp.removeRecoveryCodes(customerId);
        audit.record(customerId, "TOTP_DISABLED", "customer:" + customerId, null);
        return Check.OK;
    }

    /**
     * The second sign-in step: a current TOTP code (each time step once) or an unused recovery code (used up). A
     * wrong code counts as a failed sign-in; the fifth in a row locks the account.
     */
    public Check verify(long customerId, String code) {
        Instant now = Instant.now();
        Customer customer = customers.find(customerId).orElse(null);
        Optional<TotpEnrolment> enrolment = totp.lock(customerId).filter(TotpEnrolment::isActive);
        if (customer == null || enrolment.isEmpty()) {
            return Check.NOT_ENROLLED;
        }
        if (customer.isLocked(now)) {
            return Check.LOCKED;
        }
        String entered = trim(code);
        boolean ok;
        String how;
        if (entered != null && entered.matches("\\d{6}")) {
            TotpEnrolment e = enrolment.get();
            long step = Totp.matchingStep(box.open(e.secretEncrypted()), entered, now, e.lastUsedStep());
            ok = step >= 0 && e.use(step);
            how = "totp";
        } else {
            ok = useRecoveryCode(customerId, entered, now);
            how = "recovery code";
        }
        if (!ok) {
            customer.loginFailed(now);
            audit.record(customerId, customer.isLocked(now) ? "LOGIN_LOCKED" : "LOGIN_FAILED", null,
                    "second factor");
            return customer.isLocked(now) ? Check.LOCKED : Check.WRONG;
        }
        customer.loginSucceeded();
        audit.record(customerId, "MFA_PASSED", "customer:" + customerId, how);
        return Check.OK;
    }

    private boolean useRecoveryCode(long customerId, String entered, Instant now) {
        String normalized = normalizeRecoveryCode(entered);
        if (normalized == null) {
            return false;
        }
        return totp.recoveryCode(Hashes.sha256Hex(normalized))
                .filter(r -> r.customerId() == customerId)
                .map(r -> r.use(now))
                .orElse(false);
    }

    /** Lower case without separators; null if it cannot be a recovery code. */
    static String normalizeRecoveryCode(String entered) {
        if (entered == null) {
            return null;
        }
        String s = entered.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return s.length() == 16 && s.chars().allMatch(c -> RECOVERY_ALPHABET.indexOf(c) >= 0) ? s : null;
    }

    private List<String> newRecoveryCodes(long customerId) {
        totp.removeRecoveryCodes(customerId);
        Instant now = Instant.now();
        List<String> clear = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 16; j++) {
                if (j > 0 && j % 4 == 0) {
                    code.append('-');
                }
                // 32 symbols: 5 bits each, 80 bits per code
                code.append(RECOVERY_ALPHABET.charAt(Hashes.random().nextInt(RECOVERY_ALPHABET.length())));
            }
            clear.add(code.toString());
            totp.add(new RecoveryCode(customerId, Hashes.sha256Hex(normalizeRecoveryCode(code.toString())), now));
        }
        return clear;
    }

    private static String trim(String code) {
        return code == null ? null : code.trim();
    }
}
