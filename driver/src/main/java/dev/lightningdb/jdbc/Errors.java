package dev.lightningdb.jdbc;

import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.sql.result.SqlError;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Turns every failure below the driver into the {@link SQLException} subclass its SQLState calls
 * for. Nothing else escapes the driver: an unexpected exception becomes SQLState XX000 with the
 * original as its cause.
 *
 * <p>The one rule for pooled connections: only a connection that is really gone reports a state a
 * pool reads as "broken" (class 08, 0A000, 57P01-57P03, 01002, or an {@link SQLTimeoutException},
 * which HikariCP evicts whatever its state). So a feature we lack is HYC00, never 0A000; a query
 * timeout and a cancel are 57014 in an {@link SQLTransientException} (as PostgreSQL's driver
 * reports them), never an {@link SQLTimeoutException}; a lock not granted (55P03) fails its
 * statement alone and is an {@link SQLTransactionRollbackException}, so that Spring's default
 * translation sees a pessimistic locking failure. The table of states is in docs/design.md,
 * "Errors and SQLStates".
 */
final class Errors {
    private Errors() {
    }

    static SQLException translate(Throwable t) {
        if (t instanceof SQLException e) {
            return e;
        }
        if (t instanceof SqlError e) {
            return forState(e.getMessage(), e.sqlState(), e);
        }
        if (t instanceof LightningDbException e) {
            return forState(e.getMessage(), engineState(e), e);
        }
        if (t instanceof StackOverflowError) {
            return new SQLException("The statement is too complex to run", SqlError.TOO_COMPLEX, t);
        }
        return new SQLException("Internal error: " + t, "XX000", t);
    }

    static String engineState(LightningDbException e) {
        return switch (e.code()) {
            case CONFLICT -> SqlError.SERIALIZATION_FAILURE;
            case CORRUPTION -> SqlError.CORRUPTION;
            case IO_ERROR -> SqlError.IO;
            case CLOSED -> "08003";
            case KEY_TOO_LARGE, VALUE_TOO_LARGE -> SqlError.DATA_TOO_LONG;
            case TOO_MANY_TRANSACTIONS -> "53000";
            case READ_ONLY -> SqlError.READ_ONLY;
            case CANNOT_OPEN -> "08001";
            case INVALID_ARGUMENT -> "22023";
            case INTERRUPTED -> "HY008";
            case LOCK_NOT_AVAILABLE -> SqlError.LOCK_NOT_AVAILABLE;
            case DEADLOCK -> SqlError.DEADLOCK;
        };
    }

    static SQLException forState(String message, String state, Throwable cause) {
        switch (state) {
            case SqlError.FEATURE_NOT_SUPPORTED:
                return new SQLFeatureNotSupportedException(message, state, cause);
            case SqlError.CANCELLED:
                return new SQLTransientException(message, state, cause);
            case SqlError.LOCK_NOT_AVAILABLE:
                return new SQLTransactionRollbackException(message, state, cause);
            default:
                break;
        }
        String cls = state.length() >= 2 ? state.substring(0, 2) : state;
        return switch (cls) {
            case "42" -> new SQLSyntaxErrorException(message, state, cause);
            case "22" -> new SQLDataException(message, state, cause);
            case "23" -> new SQLIntegrityConstraintViolationException(message, state, cause);
            case "40" -> new SQLTransactionRollbackException(message, state, cause);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, cause);
            case "08" -> new SQLNonTransientConnectionException(message, state, cause);
            case "53" -> new SQLTransientException(message, state, cause);
            case "XX" -> new SQLNonTransientException(message, state, cause);
            default -> new SQLException(message, state, cause);
        };
    }

    static SQLException closed(String what) {
        return new SQLNonTransientConnectionException(what + " is closed", "08003");
    }

    /** A JDBC method or option we lack: HYC00 (see the class comment for why not 0A000). */
    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported", SqlError.FEATURE_NOT_SUPPORTED);
    }
}
