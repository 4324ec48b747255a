package org.triad.bank.application.banking;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.application.banking.internal.Ledger;
import org.triad.bank.application.support.DatabaseFailures;
import org.triad.bank.application.support.LockConflicts;
import org.triad.bank.domain.model.ledger.LedgerBusyException;

/**
 * The entry point for moving money (used by {@link Banking}, the development seed and payments): the
 * {@link Ledger}'s move, retried by {@link LockConflicts} when the database refused it for a lock conflict (which
 * the ordered locking makes rare). Runs outside any transaction, so every attempt is a new one. After the last
 * attempt the caller gets {@code 503 ledger-busy}, with nothing moved.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MoneyMovements {

    private static final Logger LOG = Logger.getLogger(MoneyMovements.class.getName());

    @EJB
    Ledger ledger;

    public Receipt move(MovementRequest request) {
        try {
            return LockConflicts.retry(() -> ledger.move(request));
        } catch (RuntimeException e) {
            if (DatabaseFailures.isTransient(e)) {
                LOG.log(Level.WARNING, "Giving up a " + request.type() + " after repeated lock conflicts", e);
                throw new LedgerBusyException();
            }
            throw e;
        }
    }

    /** The stored result of an earlier request with the same key, if there is one. */
    public Optional<Receipt> replay(MovementRequest request) {
        return ledger.replay(request);
    }
}
