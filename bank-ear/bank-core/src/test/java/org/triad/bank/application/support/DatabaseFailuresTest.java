package org.triad.bank.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** Which database failures the money facade retries, and which it treats as an idempotency race. */
class DatabaseFailuresTest {

    private static RuntimeException wrapped(SQLException e) {
        // The shape in which the container reports a failed commit: EJBException > RuntimeException > SQLException.
        return new EJBException(new RuntimeException("Exception [EclipseLink-4002]", e));
    }

    @Test
    void deadlocksAndLockTimeoutsOfMariaDbAndH2AreRetried() {
        assertThat(DatabaseFailures.isTransient(wrapped(
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)))).isTrue();
        assertThat(DatabaseFailures.isTransient(wrapped(
                new SQLException("Lock wait timeout exceeded", "HY000", 1205)))).isTrue();
        assertThat(DatabaseFailures.isTransient(wrapped(new SQLException("Timeout trying to lock table", "HYT00", 50200)))).isTrue();
        assertThat(DatabaseFailures.isTransient(wrapped(new SQLException("Deadlock detected", "40001", 40001)))).isTrue();
        assertThat(DatabaseFailures.isTransient(new jakarta.persistence.PessimisticLockException("locked"))).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(DatabaseFailures.isTransient(wrapped(new SQLException("Syntax error", "42000", 1064)))).isFalse();
        assertThat(DatabaseFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isTransient(wrapped(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
    }

    @Test
    void duplicateKeysOfMariaDbAndH2AreRecognised() {
        assertThat(DatabaseFailures.isUniqueViolation(wrapped(
                new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'uq_journal_entry_idempotency'", "23000", 1062)))).isTrue();
        assertThat(DatabaseFailures.isUniqueViolation(wrapped(
                new SQLIntegrityConstraintViolationException("Unique index or primary key violation", "23505", 23505)))).isTrue();
        assertThat(DatabaseFailures.isUniqueViolation(wrapped(new SQLException("Check constraint", "23513", 23513)))).isFalse();
    }
}
