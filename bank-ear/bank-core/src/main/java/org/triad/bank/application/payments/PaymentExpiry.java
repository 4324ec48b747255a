package org.triad.bank.application.payments;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Expires payments whose time has passed, every 15 seconds. Safe on every member of a cluster at once: each
 * payment is expired under its row lock only if it is still due, and a confirmation racing it either commits
 * first (then there is nothing to expire) or finds it expired.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentExpiry {

    private static final Logger LOG = Logger.getLogger(PaymentExpiry.class.getName());

    @EJB
    PaymentService payments;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void expireDue() {
        int expired = payments.expireDue(200);
        if (expired > 0) {
            LOG.fine(() -> "Expired " + expired + " payment(s)");
        }
    }
}
