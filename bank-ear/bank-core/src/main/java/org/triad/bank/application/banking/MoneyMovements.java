package org.triad.bank.application.banking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.application.banking.internal.Ledger;
import org.triad.bank.application.support.DatabaseFailures;
import org.triad.bank.domain.model.ledger.LedgerBusyException;
import org.triad.common.domain.DomainException;

/**
 * The entry point for moving money (used by {@link Banking}, later by payments). It runs outside any transaction
 * and calls the {@link Ledger}, so every attempt is a new JTA transaction:
 * <ul>
 * <li>a deadlock or lock timeout (which the ordered locking should make rare) is retried up to
 * {@value #MAX_ATTEMPTS} times with a short random back-off and never reaches the caller as such;</li>
 * <li>when two requests with the same idempotency key race, the unique constraint on the journal rejects the
 * second insert; the second caller then gets the first one's stored result.</li>
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MoneyMovements {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(MoneyMovements.class.getName());

    @EJB
    Ledger ledger;

    public Receipt move(MovementRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.move(request);
            } catch (DomainException e) {
                throw e;
            } catch (RuntimeException e) {
                if (DatabaseFailures.isUniqueViolation(e)) {
                    Optional<Receipt> first = ledger.replay(request);
                    if (first.isPresent()) {
                        return first.get();
                    }
                }
                if (!DatabaseFailures.isTransient(e)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    LOG.log(Level.WARNING, "Giving up a " + request.type() + " after " + attempt + " attempts", e);
                    throw new LedgerBusyException();
                }
                final int failed = attempt;
                LOG.fine(() -> "Retrying " + request.type() + " after lock conflict (attempt " + failed + ")");
                pause(attempt);
            }
        }
    }

    public Optional<Receipt> replay(MovementRequest request) {
        return ledger.replay(request);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerBusyException();
        }
    }
}
