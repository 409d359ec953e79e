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
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Turns every failure below the driver into the {@link SQLException} subclass its SQLState calls
 * for. Nothing else escapes the driver: an unexpected exception becomes SQLState XX000 with the
 * original as its cause.
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

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported", "0A000");
    }
}
