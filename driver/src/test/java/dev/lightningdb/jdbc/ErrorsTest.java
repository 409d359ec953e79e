package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.sql.result.SqlError;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
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
}
