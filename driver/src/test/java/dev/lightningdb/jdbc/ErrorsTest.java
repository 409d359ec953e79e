package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.sql.result.SqlError;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void engineConflictsAreSerializationFailures() {
        SQLException e = Errors.translate(new ConflictException("key written by a later commit"));
        assertThat((Throwable) e).isInstanceOf(SQLTransactionRollbackException.class);
        assertThat(e.getSQLState()).isEqualTo("40001");
        assertThat(e.getCause()).isInstanceOf(ConflictException.class);
        assertThat(Errors.translate(new LightningDbException(ErrorCode.READ_ONLY, "ro")).getSQLState()).isEqualTo("25006");
        assertThat((Throwable) Errors.translate(new SqlError(SqlError.SERIALIZATION_FAILURE, "x"))).isInstanceOf(SQLTransactionRollbackException.class);
    }

    /** What a connection pool reads as a broken connection (class 08, 0A000, SQLTimeoutException) is never an ordinary error. */
    @Test
    void ordinaryErrorsNeverLookLikeABrokenConnection() {
        SQLException unsupported = Errors.translate(SqlError.unsupported("Views"));
        assertThat((Throwable) unsupported).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(unsupported.getSQLState()).isEqualTo("HYC00");
        assertThat(Errors.unsupported("SQLXML").getSQLState()).isEqualTo("HYC00");
        SQLException stopped = Errors.translate(new SqlError(SqlError.CANCELLED, "cancelled"));
        assertThat((Throwable) stopped).isInstanceOf(SQLTransientException.class).isNotInstanceOf(SQLTimeoutException.class);
        assertThat(stopped.getSQLState()).isEqualTo("57014");
        SQLException lock = Errors.translate(new LightningDbException(ErrorCode.LOCK_NOT_AVAILABLE, "row lock"));
        assertThat((Throwable) lock).isInstanceOf(SQLTransactionRollbackException.class);
        assertThat(lock.getSQLState()).isEqualTo("55P03");
        for (ErrorCode code : ErrorCode.values()) {
            String state = Errors.translate(new LightningDbException(code, "x")).getSQLState();
            boolean gone = code == ErrorCode.CLOSED || code == ErrorCode.CANNOT_OPEN;
            assertThat(state.startsWith("08") || state.equals("0A000")).as(code + " -> " + state).isEqualTo(gone);
        }
    }
}
