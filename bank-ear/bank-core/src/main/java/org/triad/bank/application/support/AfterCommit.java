package org.triad.bank.application.support;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that tells the outside world about a change, done once the change's transaction has committed. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code work} after the current JTA transaction commits (never if it rolls back); at once when there is no
     * transaction (or no registry, in unit tests).
     */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable work) {
        if (transactions == null) {
            work.run();
            return;
        }
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        work.run();
                    }
                }
            });
        } catch (IllegalStateException noTransaction) {
            work.run();
        }
    }
}
