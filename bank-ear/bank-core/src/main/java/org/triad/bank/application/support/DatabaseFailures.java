package org.triad.bank.application.support;

import java.sql.SQLException;

/** Classifies database failures by SQLState and vendor code, wherever they sit in the cause chain. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isTransient(Throwable t) {
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

    public static boolean isUniqueViolation(Throwable t) {
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
