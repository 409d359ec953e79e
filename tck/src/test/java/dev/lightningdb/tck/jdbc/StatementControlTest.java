package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.longs;
import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.jdbc.LightningConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Query timeouts, cancel, row limits and the connection-level knobs pools and tools call. */
class StatementControlTest {
    /** A query that runs for hours: a four-way cross join of 200 rows counted. */
    private static final String ENDLESS = "SELECT COUNT(*) FROM n a, n b, n c, n d WHERE a.k + b.k + c.k + d.k >= 0";

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = Jdbc.open(Jdbc.freshUrl());
        update(c, "CREATE TABLE n (k INT PRIMARY KEY)");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO n VALUES (?)")) {
            for (int i = 0; i < 200; i++) {
                p.setInt(1, i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static void drain(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
    }

    @Test
    @Timeout(120) // a guard against a hang, not an assertion about speed
    void aQueryTimeoutCutsALongQuery() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertThat(s.getQueryTimeout()).isEqualTo(1);
            // 57014 as PostgreSQL's driver reports it, and not an SQLTimeoutException, which HikariCP takes for a broken connection
            assertThatThrownBy(() -> drain(s, ENDLESS)).isNotInstanceOf(SQLTimeoutException.class)
                    .satisfies(e -> assertThat(state(e)).isEqualTo("57014")).hasMessageContaining("query timeout");
            s.setQueryTimeout(0);
            assertThat(longs(c, "SELECT COUNT(*) FROM n")).containsExactly(200L);
            drain(s, "SELECT k FROM n"); // the statement is usable after a timeout
            assertThatThrownBy(() -> s.setQueryTimeout(-1)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    @Timeout(120)
    void cancelFromAnotherThreadStopsARunningQuery() throws Exception {
        try (Statement s = c.createStatement()) {
            AtomicBoolean done = new AtomicBoolean();
            List<Throwable> cancelFailures = new ArrayList<>();
            // cancel() only stops a statement that is running, so keep cancelling until the query has ended
            Thread canceller = new Thread(() -> {
                while (!done.get()) {
                    try {
                        s.cancel();
                        Thread.sleep(20);
                    } catch (SQLException | InterruptedException e) {
                        cancelFailures.add(e);
                        return;
                    }
                }
            });
            canceller.start();
            try {
                assertThatThrownBy(() -> drain(s, ENDLESS)).isNotInstanceOf(SQLTimeoutException.class)
                        .satisfies(e -> assertThat(state(e)).isEqualTo("57014")).hasMessageContaining("on request");
            } finally {
                done.set(true);
                canceller.join();
            }
            assertThat(cancelFailures).isEmpty();
            drain(s, "SELECT k FROM n"); // a later execution is not cancelled
        }
    }

    @Test
    void maxRowsAndFetchSize() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setMaxRows(3);
            s.setFetchSize(50);
            assertThat(s.getMaxRows()).isEqualTo(3);
            assertThat(s.getFetchSize()).isEqualTo(50);
            int rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT k FROM n ORDER BY k")) {
                rs.setFetchSize(10);
                assertThat(rs.getFetchSize()).isEqualTo(10);
                while (rs.next()) {
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(3);
            assertThatThrownBy(() -> s.setMaxRows(-1)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.setFetchSize(-1)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void networkTimeoutValidityAndAbort() throws SQLException {
        Executor direct = Runnable::run;
        c.setNetworkTimeout(direct, 5000);
        assertThat(c.getNetworkTimeout()).isEqualTo(5000);
        assertThatThrownBy(() -> c.setNetworkTimeout(direct, -1)).isInstanceOf(SQLException.class);
        assertThat(c.isValid(0)).isTrue();
        assertThat(c.isValid(5)).isTrue();
        assertThatThrownBy(() -> c.isValid(-1)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> c.abort(null)).isInstanceOf(SQLException.class);
        assertThat(c.isClosed()).isFalse();

        c.abort(direct);
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isValid(0)).isFalse();
        c.abort(direct); // a no-op on a closed connection
        assertThatThrownBy(() -> c.setNetworkTimeout(direct, 1)).satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
        assertThatThrownBy(c::createStatement).satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
    }

    @Test
    void abortClosesAtOnceAndReleasesOnTheExecutor() throws SQLException {
        List<Runnable> deferred = new ArrayList<>();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT k FROM n");
        c.abort(deferred::add);
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).satisfies(e -> assertThat(state(e)).isEqualTo("08003"));
        assertThat(deferred).hasSize(1);
        assertThat(s.isClosed()).isFalse(); // closed by the executor's task, not by abort itself
        deferred.get(0).run();
        assertThat(s.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
    }

    @Test
    void clientInfoIsKeptPerConnection() throws SQLException {
        c.setClientInfo("ApplicationName", "tests");
        assertThat(c.getClientInfo("ApplicationName")).isEqualTo("tests");
        Properties p = new Properties();
        p.setProperty("ClientUser", "me");
        c.setClientInfo(p);
        assertThat(c.getClientInfo("ApplicationName")).isNull();
        assertThat(c.getClientInfo().getProperty("ClientUser")).isEqualTo("me");
        c.setClientInfo("ClientUser", null);
        assertThat(c.getClientInfo()).isEmpty();
        c.close();
        assertThatThrownBy(() -> c.setClientInfo("ApplicationName", "x")).isInstanceOf(SQLClientInfoException.class);
    }

    @Test
    void everyObjectUnwrapsToItsOwnInterfacesOnly() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k FROM n")) {
            for (Wrapper w : new Wrapper[] {c, s, rs, rs.getMetaData(), c.getMetaData()}) {
                assertThat(w.isWrapperFor(w.getClass())).isTrue();
                assertThat(w.unwrap(w.getClass())).isSameAs(w);
                assertThat(w.isWrapperFor(String.class)).isFalse();
                assertThatThrownBy(() -> w.unwrap(String.class)).isInstanceOf(SQLException.class);
            }
            assertThat(c.unwrap(LightningConnection.class)).isSameAs(c);
            assertThat(c.isWrapperFor(Connection.class)).isTrue();
        }
    }
}
