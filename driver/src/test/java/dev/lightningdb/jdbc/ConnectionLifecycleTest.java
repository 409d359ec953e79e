package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {
    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    @Test
    void theDriverIsFoundAndIgnoresOtherUrls() throws SQLException {
        Driver d = DriverManager.getDriver("jdbc:lightning:mem:x");
        assertThat(d).isInstanceOf(LightningDriver.class);
        assertThat(d.acceptsURL("jdbc:h2:mem:x")).isFalse();
        assertThat(d.connect("jdbc:h2:mem:x", null)).isNull();
        assertThat(d.jdbcCompliant()).isFalse();
        assertThat(d.getPropertyInfo("jdbc:lightning:mem:x", null)).extracting(p -> p.name).contains("cacheSize", "walSyncMode");
    }

    @Test
    void aMemoryDatabaseIsSharedByItsConnectionsAndGoneAfterTheLast() throws SQLException {
        try (Connection a = DriverManager.getConnection("jdbc:lightning:mem:shared")) {
            a.createStatement().executeUpdate("CREATE TABLE t (id INT PRIMARY KEY)");
            try (Connection b = DriverManager.getConnection("jdbc:lightning:mem:shared")) {
                b.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            }
            try (ResultSet rs = a.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:shared")) {
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT * FROM t")).satisfies(e -> assertThat(state(e)).isEqualTo("42S02"));
        }
    }

    @Test
    void closedObjectsSayTheyAreClosed() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:lightning:mem:closing");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1");
        Statement other = c.createStatement();
        other.close();
        assertThatThrownBy(() -> other.executeQuery("SELECT 1")).hasMessageContaining("Statement is closed");
        s.executeQuery("SELECT 2"); // re-executing closes the previous result set
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).hasMessageContaining("ResultSet is closed");
        assertThat(c.isValid(1)).isTrue();
        c.close();
        c.close();
        assertThat(c.isValid(1)).isFalse();
        assertThat(s.isClosed()).isTrue(); // closing the connection closed its statements
        assertThatThrownBy(c::createStatement).satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
        assertThatThrownBy(() -> c.setAutoCommit(false)).satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
    }

    @Test
    void transactionsThroughJdbc() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:txn"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO t VALUES (1)");
            c.rollback();
            s.executeUpdate("INSERT INTO t VALUES (2)");
            c.setAutoCommit(true); // commits, as JDBC says
            try (ResultSet rs = s.executeQuery("SELECT id FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.next()).isFalse();
            }
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThatThrownBy(() -> c.setTransactionIsolation(12345)).isInstanceOf(SQLException.class);
            c.setReadOnly(true);
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO t VALUES (3)")).satisfies(e -> assertThat(state(e)).isEqualTo("25006"));
            c.setReadOnly(false);
        }
    }

    @Test
    void statementKindsAreChecked() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:kinds"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (id INT PRIMARY KEY)");
            assertThatThrownBy(() -> s.executeQuery("INSERT INTO t VALUES (1)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("SELECT * FROM t")).isInstanceOf(SQLException.class);
            assertThat(s.execute("SELECT * FROM t")).isTrue();
            assertThat(s.execute("INSERT INTO t VALUES (1)")).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            assertThat(s.getResultSet()).isNull();
            assertThat(c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY).getResultSetType())
                    .isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
            assertThatThrownBy(() -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.HOLD_CURSORS_OVER_COMMIT)).satisfies(e -> assertThat(state(e)).isEqualTo("HYC00"));
            assertThatThrownBy(() -> c.prepareCall("CALL x()").execute()).satisfies(e -> assertThat(state(e)).startsWith("42"));
        }
    }

    @Test
    void aDataSourceOpensConnections() throws SQLException {
        LightningDataSource ds = new LightningDataSource();
        assertThatThrownBy(ds::getConnection).satisfies(e -> assertThat(state(e)).isEqualTo("08001"));
        ds.setUrl("jdbc:lightning:mem:ds");
        ds.setProperty("cacheSize", "4MB");
        try (Connection c = ds.getConnection()) {
            assertThat(c.isValid(0)).isTrue();
            assertThat(c.unwrap(LightningConnection.class)).isSameAs(c);
            assertThatThrownBy(() -> c.unwrap(String.class)).isInstanceOf(SQLException.class);
        }
    }
}
