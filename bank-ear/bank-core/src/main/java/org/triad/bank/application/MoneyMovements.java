package org.triad.bank.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
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
                if (Failures.isUniqueViolation(e)) {
                    Optional<Receipt> first = ledger.replay(request);
                    if (first.isPresent()) {
                        return first.get();
                    }
                }
                if (!Failures.isTransient(e)) {
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

    /** Classifies database failures by SQLState and vendor code, wherever they sit in the cause chain. */
    static final class Failures {

        private Failures() {
        }

        static boolean isTransient(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof jakarta.persistence.PessimisticLockException
                        || c instanceof jakarta.persistence.LockTimeoutException
                        || c instanceof jakarta.persistence.OptimisticLockException) {
                    return true;
                }
                if (c instanceof SQLException sql) {
                    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                    int code = sql.getErrorCode();
                    if (state.startsWith("40") // serialization failure / deadlock (MySQL 1213, H2 40001)
                            || state.equals("HYT00") // H2 lock timeout (50200)
                            || code == 1205 || code == 1213 // MySQL/MariaDB lock wait timeout, deadlock
                            || code == 50200 || code == 40001) {
                        return true;
                    }
                }
            }
            return false;
        }

        static boolean isUniqueViolation(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof SQLException sql) {
                    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                    if (state.equals("23505") || sql.getErrorCode() == 1062
                            || (state.equals("23000") && sql.getErrorCode() == 1062)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
