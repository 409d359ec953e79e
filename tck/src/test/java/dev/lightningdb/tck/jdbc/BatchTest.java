package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.longs;
import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** executeBatch: one count per entry; a failing entry stops the batch with the counts of those before it. */
class BatchTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = Jdbc.open(Jdbc.freshUrl());
        update(c, "CREATE TABLE t (k INT PRIMARY KEY, v INT)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static BatchUpdateException batchFailure(ThrowingRunnable work) {
        try {
            work.run();
        } catch (BatchUpdateException e) {
            return e;
        } catch (SQLException e) {
            throw new AssertionError("expected a BatchUpdateException, got " + e, e);
        }
        throw new AssertionError("expected a BatchUpdateException, nothing was thrown");
    }

    interface ThrowingRunnable {
        void run() throws SQLException;
    }

    @Test
    void aStatementBatchCountsEachEntry() throws SQLException {
        try (Statement s = c.createStatement()) {
            assertThat(s.executeBatch()).isEmpty();
            s.addBatch("INSERT INTO t VALUES (1, 1), (2, 2)");
            s.addBatch("INSERT INTO t VALUES (3, 3)");
            s.addBatch("UPDATE t SET v = v * 10 WHERE k < 3");
            s.addBatch("DELETE FROM t WHERE k = 42");
            s.addBatch("CREATE TABLE u (k INT PRIMARY KEY)");
            assertThat(s.executeBatch()).containsExactly(2, 1, 2, 0, 0);
            assertThat(s.executeBatch()).isEmpty(); // executing empties the batch
            s.addBatch("INSERT INTO t VALUES (9, 9)");
            s.clearBatch();
            assertThat(s.executeLargeBatch()).isEmpty();
        }
        assertThat(longs(c, "SELECT v FROM t ORDER BY k")).containsExactly(10L, 20L, 3L);
    }

    @Test
    void aPreparedBatchCountsEachParameterSet() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < 5; i++) {
                p.setInt(1, i);
                p.setInt(2, i * i);
                p.addBatch();
            }
            assertThat(p.executeLargeBatch()).containsExactly(1L, 1L, 1L, 1L, 1L);
            p.clearParameters();
            p.setInt(1, 100);
            assertThatThrownBy(p::addBatch).satisfies(e -> assertThat(state(e)).isEqualTo("07001")); // parameter 2 unset
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE t SET v = ? WHERE k >= ?")) {
            p.setInt(1, 0);
            p.setInt(2, 3);
            p.addBatch();
            p.setInt(1, 1);
            p.setInt(2, 0);
            p.addBatch();
            assertThat(p.executeBatch()).containsExactly(2, 5);
        }
    }

    @Test
    void aFailingEntryReportsTheCountsBeforeIt() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, 0)")) {
            for (int k : new int[] {1, 2, 1, 3}) {
                p.setInt(1, k);
                p.addBatch();
            }
            BatchUpdateException e = batchFailure(p::executeBatch);
            assertThat(e.getUpdateCounts()).containsExactly(1, 1);
            assertThat(e.getLargeUpdateCounts()).containsExactly(1L, 1L);
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(p.executeBatch()).isEmpty(); // the failed batch is gone
        }
        // auto-commit: the entries before the failure committed, the ones after it never ran
        assertThat(longs(c, "SELECT k FROM t ORDER BY k")).containsExactly(1L, 2L);

        try (Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO t VALUES (5, 0)");
            s.addBatch("INSERT INTO nowhere VALUES (1)");
            s.addBatch("INSERT INTO t VALUES (6, 0)");
            BatchUpdateException e = batchFailure(s::executeBatch);
            assertThat(e.getUpdateCounts()).containsExactly(1);
            assertThat(e.getSQLState()).isEqualTo("42S02");

            s.addBatch("SELECT * FROM t");
            assertThat(batchFailure(s::executeBatch).getUpdateCounts()).isEmpty();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM t WHERE k = ?")) {
            p.setInt(1, 1);
            p.addBatch();
            assertThat(batchFailure(p::executeBatch).getUpdateCounts()).isEmpty();
        }
        assertThat(longs(c, "SELECT k FROM t ORDER BY k")).containsExactly(1L, 2L, 5L);
    }

    @Test
    void inAManualTransactionTheEntriesBeforeAFailureStayUntilRollback() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO t VALUES (1, 0)");
            s.addBatch("INSERT INTO t VALUES (1, 0)");
            assertThat(batchFailure(s::executeBatch).getUpdateCounts()).containsExactly(1);
            assertThat(longs(c, "SELECT k FROM t")).containsExactly(1L);
            c.rollback();
            assertThat(longs(c, "SELECT k FROM t")).isEmpty();
        }
    }
}
