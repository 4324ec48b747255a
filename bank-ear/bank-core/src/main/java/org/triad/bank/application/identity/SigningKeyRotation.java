package org.triad.bank.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.shared.NotPermittedException;

/**
 * Rotation of the JWT signing keys: on schedule every {@code triad.bank.signing-key.rotation-days} (checked hourly;
 * {@code 0} switches it off), the next key published ahead of its use, and at once by a bank administrator in the
 * back office (e.g. after a suspected compromise). Retired keys stay published for
 * {@link SigningKeys#MAX_TOKEN_LIFETIME}, so tokens issued before a rotation keep working until they expire. Every
 * step is audited (subject {@code kid:<kid>}).
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

    /**
     * One step of the scheduled rotation (see {@link SigningKeys#scheduledStep}): the next key is published two hours
     * before the current one has signed for the rotation period and signs from then on; the superseded key is
     * retired at the next check. Audited: {@code SIGNING_KEY_PUBLISHED} and {@code SIGNING_KEY_ROTATED}.
     */
    public SigningKeys.Step rotateIfDue() {
        if (rotationDays <= 0) {
            return new SigningKeys.Step(null, null);
        }
        SigningKeys.Step step = keys.scheduledStep(Duration.ofDays(rotationDays));
        if (step.published() != null) {
            audit.record(null, "SIGNING_KEY_PUBLISHED", "kid:" + step.published(),
                    "scheduled, signs after " + rotationDays + " days of the current key");
        }
        if (step.activated() != null) {
            audit.record(null, "SIGNING_KEY_ROTATED", "kid:" + step.activated(), "scheduled");
        }
        return step;
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
