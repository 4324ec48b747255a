package org.triad.bank.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.AuditLog;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.NotPermittedException;
import org.triad.bank.domain.model.customer.Role;

/**
 * Rotation of the JWT signing keys: on schedule when the current key is older than
 * {@code triad.bank.signing-key.rotation-days} (checked hourly; {@code 0} switches it off), and at once by a bank
 * administrator in the back office (e.g. after a suspected compromise). Retired keys stay published for
 * {@link SigningKeys#MAX_TOKEN_LIFETIME}, so tokens issued before a rotation keep working until they expire. Every
 * rotation is audited ({@code SIGNING_KEY_ROTATED}, subject {@code kid:<new kid>}).
 */
@Singleton
public class SigningKeyRotation {

    @EJB
    SigningKeys keys;

    @Inject
    CustomerRepository customers;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "triad.bank.signing-key.rotation-days", defaultValue = "30")
    int rotationDays;

    /** The hourly check. Timers are not persistent: every instance checks, the key lock lets only one rotate. */
    @Schedule(hour = "*", minute = "41", persistent = false)
    public void scheduled() {
        rotateIfDue();
    }

    /** Rotates if the current key is older than the configured rotation period; the new kid, if rotated. */
    public Optional<String> rotateIfDue() {
        if (rotationDays <= 0) {
            return Optional.empty();
        }
        Optional<String> kid = keys.rotateIfOlderThan(Duration.ofDays(rotationDays));
        kid.ifPresent(k -> audit.record(null, "SIGNING_KEY_ROTATED", "kid:" + k,
                "scheduled (older than " + rotationDays + " days)"));
        return kid;
    }

    /**
     * Rotates now, for a bank administrator.
     *
     * @throws NotPermittedException for anyone else (nothing changes)
     */
    public String rotateNow(long adminId) {
        Role role = customers.find(adminId).map(Customer::role).orElse(Role.CUSTOMER);
        if (role != Role.ADMIN) {
            throw new NotPermittedException("Only bank administrators rotate the signing keys.");
        }
        String kid = keys.rotate();
        audit.record(adminId, "SIGNING_KEY_ROTATED", "kid:" + kid, "by an administrator");
        return kid;
    }

    public List<SigningKeys.KeyInfo> keys() {
        return keys.recentKeys(20);
    }

    public int rotationDays() {
        return rotationDays;
    }
}
