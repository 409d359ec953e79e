package dev.lightningdb.tck.jooq;

import static dev.lightningdb.tck.jooq.Library.AUTHOR;
import static dev.lightningdb.tck.jooq.Library.AUTHOR_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * jOOQ's own transaction API ({@code dsl.transaction}) on a plain connection: it turns auto-commit
 * off, commits when the lambda returns, rolls back when it throws, and runs a nested transaction
 * inside a savepoint. Each case runs on LightningDB and on H2 with the same outcome; one runs jOOQ over
 * a HikariCP pool, where each transaction borrows its connection.
 */
class JooqTransactionTest extends LibraryTest {
    @Test
    void aTransactionCommitsWhenItsLambdaReturns() throws SQLException {
        for (DSLContext dsl : dbs.both()) {
            int inserted = dsl.transactionResult(trx -> DSL.using(trx).insertInto(AUTHOR, AUTHOR_NAME).values("A").values("B").execute());
            assertThat(inserted).isEqualTo(2);
            assertThat(names(dsl)).containsExactly("A", "B");
        }
        assertThat(dbs.lightningConnection().getAutoCommit()).as("jOOQ restores auto-commit").isTrue();
    }

    @Test
    void anExceptionRollsTheTransactionBack() {
        for (DSLContext dsl : dbs.both()) {
            assertThatThrownBy(() -> dsl.transaction(trx -> {
                DSL.using(trx).insertInto(AUTHOR, AUTHOR_NAME).values("kept only until the rollback").execute();
                throw new IllegalStateException("the application gives up");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(names(dsl)).isEmpty();
        }
    }

    @Test
    void aConstraintViolationRollsBackEverythingBeforeIt() {
        for (DSLContext dsl : dbs.both()) {
            assertThatThrownBy(() -> dsl.transaction(trx -> {
                DSL.using(trx).insertInto(AUTHOR, AUTHOR_NAME).values("Twice").execute();
                DSL.using(trx).insertInto(AUTHOR, AUTHOR_NAME).values("Twice").execute();
            })).isInstanceOf(IntegrityConstraintViolationException.class);
            assertThat(names(dsl)).isEmpty();
        }
    }

    @Test
    void aFailedNestedTransactionRollsBackToItsSavepointOnly() {
        for (DSLContext dsl : dbs.both()) {
            dsl.transaction(outer -> {
                DSL.using(outer).insertInto(AUTHOR, AUTHOR_NAME).values("outer").execute();
                assertThatThrownBy(() -> DSL.using(outer).transaction(inner -> {
                    DSL.using(inner).insertInto(AUTHOR, AUTHOR_NAME).values("inner").execute();
                    DSL.using(inner).insertInto(AUTHOR, AUTHOR_NAME).values("outer").execute();
                })).isInstanceOf(DataAccessException.class);
                DSL.using(outer).insertInto(AUTHOR, AUTHOR_NAME).values("after").execute();
            });
            assertThat(names(dsl)).containsExactly("after", "outer");
        }
    }

    @Test
    void transactionsTakeTheirConnectionFromAPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbs.lightningUrl);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DSLContext dsl = DSL.using(pool, JooqDatabases.DIALECT);
            dsl.transaction(trx -> DSL.using(trx).insertInto(AUTHOR, AUTHOR_NAME).values("committed").execute());
            assertThatThrownBy(() -> dsl.transaction(trx -> {
                DSL.using(trx).insertInto(AUTHOR, AUTHOR_NAME).values("rolled back").execute();
                throw new IllegalStateException("the application gives up");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(names(dsl)).containsExactly("committed");
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("every connection back in the pool").isZero();
        }
    }

    private static List<String> names(DSLContext dsl) {
        return dsl.select(AUTHOR_NAME).from(AUTHOR).orderBy(AUTHOR_NAME).fetch(AUTHOR_NAME);
    }
}
