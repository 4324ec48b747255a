package org.triad.bank.application.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.triad.bank.domain.model.identity.InvalidGrantException;

/** Which failures {@link LockConflicts} runs again, and how often. */
class LockConflictsTest {

    private static RuntimeException deadlock() {
        // as the container reports InnoDB's deadlock on SELECT ... FOR UPDATE: EJBException > ... > SQLException 1213
        return new EJBException(new RuntimeException("Exception [EclipseLink-4002]",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));
    }

    @Test
    void aDeadlockedAttemptIsRunAgainAndItsResultReturned() {
        AtomicInteger calls = new AtomicInteger();
        String result = LockConflicts.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "successor";
        });
        assertThat(result).isEqualTo("successor");
        assertThat(calls).hasValue(3);
    }

    @Test
    void itGivesUpAfterFiveAttemptsWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retry(() -> {
            calls.incrementAndGet();
            throw deadlock();
        })).isInstanceOf(EJBException.class);
        assertThat(calls).hasValue(LockConflicts.MAX_ATTEMPTS);
    }

    @Test
    void domainRefusalsAndOtherFailuresAreNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retry(() -> {
            calls.incrementAndGet();
            throw new InvalidGrantException("The refresh token is invalid.");
        })).isInstanceOf(InvalidGrantException.class);
        assertThatThrownBy(() -> LockConflicts.retry(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("not a lock conflict");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(2);
    }
}
