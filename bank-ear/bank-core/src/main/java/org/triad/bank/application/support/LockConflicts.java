package org.triad.bank.application.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.triad.common.domain.DomainException;

/**
 * Retries a unit of work that runs in a transaction of its own when the database refused it for a lock conflict
 * (deadlock, lock wait timeout), as {@code banking.MoneyMovements} does for the ledger. InnoDB can report a deadlock between
 * concurrent {@code SELECT ... FOR UPDATE} on a unique secondary index and an insert into it, e.g. twenty tabs
 * refreshing one refresh token at once; the rolled-back attempt changed nothing, so running it again is safe.
 * The caller must not be inside a transaction (each attempt must be one).
 */
public final class LockConflicts {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(LockConflicts.class.getName());

    private LockConflicts() {
    }

    /** Runs {@code work}, again after a short random pause on a lock conflict, at most {@value #MAX_ATTEMPTS} times. */
    public static <T> T retry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DomainException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isTransient(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                final int failed = attempt;
                LOG.fine(() -> "Retrying after a lock conflict (attempt " + failed + ")");
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
