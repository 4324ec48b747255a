package org.triad.bank.application.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Placeholder of the durable outbox (built on its own branch): records nothing and delivers nothing yet, so that the
 * payment rail can name the call it makes in its transaction. Merchant notifications are NOT sent while this class
 * is in place.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @Transactional(Transactional.TxType.MANDATORY)
    public long merchantNotification(String notifyUrl, String eventId, String type, String jsonBody) {
        LOG.fine(() -> "Not delivered (no outbox yet): " + type + " " + eventId);
        return 0;
    }
}
