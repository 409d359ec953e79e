package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.one;
import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Isolation levels, read-only mode and serialization failures as a JDBC application sees them. */
class TransactionSettingsTest {
    private String url;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        url = Jdbc.freshUrl();
        c = Jdbc.open(url);
        update(c, "CREATE TABLE t (k INT PRIMARY KEY, v INT)", "INSERT INTO t VALUES (1, 10)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void isolationLevelsAreKeptAndReadUncommittedIsUpgraded() throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(md.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        for (int level : new int[] {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE,
                Connection.TRANSACTION_READ_COMMITTED}) {
            c.setTransactionIsolation(level);
            assertThat(c.getTransactionIsolation()).isEqualTo(level);
            assertThat(md.supportsTransactionIsolationLevel(level)).isTrue();
        }
        c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED)).isFalse();
        assertThatThrownBy(() -> c.setTransactionIsolation(Connection.TRANSACTION_NONE)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> c.setTransactionIsolation(42)).satisfies(e -> assertThat(state(e)).isEqualTo("HY024"));
    }

    @Test
    void theLevelCannotChangeInsideATransactionButMayBeSetAgain() throws SQLException {
        c.setAutoCommit(false);
        assertThat(one(c, "SELECT v FROM t WHERE k = 1")).isEqualTo(10);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED); // unchanged: fine
        assertThatThrownBy(() -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                .satisfies(e -> assertThat(state(e)).isEqualTo("25000"));
        c.commit();
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    }

    @Test
    void readOnlyConnectionsReadButCannotWrite() throws SQLException {
        c.setReadOnly(true);
        assertThat(c.isReadOnly()).isTrue();
        try (Statement s = c.createStatement()) {
            assertThat(one(c, "SELECT v FROM t WHERE k = 1")).isEqualTo(10);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO t VALUES (2, 20)")).satisfies(e -> assertThat(state(e)).isEqualTo("25006"));
            assertThatThrownBy(() -> s.executeUpdate("CREATE TABLE u (k INT PRIMARY KEY)")).satisfies(e -> assertThat(state(e)).isEqualTo("25006"));
            c.setAutoCommit(false);
            assertThat(one(c, "SELECT COUNT(*) FROM t")).isEqualTo(1);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE t SET v = 11")).satisfies(e -> assertThat(state(e)).isEqualTo("25006"));
            assertThatThrownBy(() -> c.setReadOnly(false)).satisfies(e -> assertThat(state(e)).isEqualTo("25000"));
            c.rollback();
            c.setReadOnly(false);
            assertThat(s.executeUpdate("UPDATE t SET v = 11")).isEqualTo(1);
            c.commit();
        }
        assertThat(one(c, "SELECT v FROM t WHERE k = 1")).isEqualTo(11);
    }

    /**
     * Lost update under snapshot isolation: the second committer fails with a serialization failure
     * (first committer wins), and its connection goes on with a new transaction.
     */
    @Test
    void aWriteConflictIsASerializationFailureAndTheConnectionStaysUsable() throws SQLException {
        try (Connection other = Jdbc.open(url)) {
            for (Connection x : new Connection[] {c, other}) {
                x.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                x.setAutoCommit(false);
                assertThat(one(x, "SELECT v FROM t WHERE k = 1")).isEqualTo(10);
            }
            update(c, "UPDATE t SET v = 11 WHERE k = 1");
            c.commit();
            SQLException failure = null;
            try {
                update(other, "UPDATE t SET v = 12 WHERE k = 1");
                other.commit();
            } catch (SQLException e) {
                failure = e;
            }
            assertThat((Throwable) failure).isInstanceOf(SQLTransactionRollbackException.class);
            assertThat(failure.getSQLState()).isEqualTo("40001");
            other.rollback();
            update(other, "UPDATE t SET v = v + 100 WHERE k = 1");
            other.commit();
            assertThat(one(other, "SELECT v FROM t WHERE k = 1")).isEqualTo(111);
        }
    }
}
