package dev.lightningdb.tck.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.jdbc.LightningDataSource;
import dev.lightningdb.tck.errors.RealErrors.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * The driver's real errors through Spring's exception translation, as an application meets them:
 * JdbcTemplate's default translator (Spring 6 and 7: {@code SQLExceptionSubclassTranslator}, reading
 * the exception's class, then its SQLState) and the error-code translator, which knows no error
 * codes for LightningDB and falls back to the same two. Neither is configured for LightningDB.
 *
 * <p>Deadlocks become a {@link PessimisticLockingFailureException}, which Spring 6.0.3 put in the
 * place of the deprecated DeadlockLoserDataAccessException (PostgreSQL's 40P01 translates the same
 * way); a lock timeout (55P03) too, because the driver reports it as an
 * {@code SQLTransactionRollbackException}: its statement was rolled back, its transaction not.
 * Foreign keys are not enforced yet, so there is no 23503 to translate.
 */
class SpringExceptionTranslationTest {
    @TempDir
    Path dir;

    private String url;
    private LightningDataSource dataSource;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:lightning:" + dir.resolve("db");
        dataSource = new LightningDataSource(url);
        try (Connection c = dataSource.getConnection()) {
            RealErrors.createSchema(c);
        }
    }

    /** What Spring must make of each kind. */
    private static Class<? extends DataAccessException> expected(Kind kind) {
        return switch (kind) {
            case UNKNOWN_FUNCTION_CALL, SYNTAX -> BadSqlGrammarException.class;
            case UNSUPPORTED_JDBC_METHOD, UNSUPPORTED_SQL -> InvalidDataAccessApiUsageException.class;
            case DUPLICATE_KEY -> DuplicateKeyException.class;
            case NOT_NULL, CHECK -> DataIntegrityViolationException.class;
            case SERIALIZATION_FAILURE -> CannotAcquireLockException.class;
            case DEADLOCK, LOCK_TIMEOUT -> PessimisticLockingFailureException.class;
            case QUERY_TIMEOUT, CANCEL -> QueryTimeoutException.class;
        };
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Timeout(120) // a guard against a hang, not an assertion about speed
    void eachErrorTranslatesToWhatItMeans(Kind kind) throws Exception {
        SQLException error;
        try (Connection c = dataSource.getConnection()) {
            error = RealErrors.provoke(kind, c, url, kind.ordinal());
            c.rollback();
        }
        SQLExceptionTranslator byDefault = new JdbcTemplate(dataSource).getExceptionTranslator();
        SQLExceptionTranslator byErrorCode = new SQLErrorCodeSQLExceptionTranslator(dataSource);
        for (SQLExceptionTranslator translator : new SQLExceptionTranslator[] {byDefault, byErrorCode}) {
            DataAccessException translated = translator.translate(kind.name(), null, error);
            assertThat(translated).as(translator.getClass().getSimpleName() + " of " + kind + ": " + error)
                    .isInstanceOf(expected(kind));
        }
        if (kind == Kind.SERIALIZATION_FAILURE || kind == Kind.DEADLOCK || kind == Kind.LOCK_TIMEOUT) {
            assertThat(byDefault.translate(kind.name(), null, error)).isInstanceOf(ConcurrencyFailureException.class);
        }
    }

    /** The same through JdbcTemplate itself, for the everyday case. */
    @Test
    void jdbcTemplateThrowsDuplicateKeyAndDataIntegrityViolation() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO t VALUES (?, ?, ?)", 1, "again", 0)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO t VALUES (?, ?, ?)", 3, null, 0))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.queryForObject("SELEC 1", Integer.class)).isInstanceOf(BadSqlGrammarException.class);
        assertThat(jdbc.queryForObject("CALL 6 * 7", Integer.class)).isEqualTo(42);
    }
}
