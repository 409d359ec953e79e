package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.longs;
import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection.setSavepoint, rollback(Savepoint) and releaseSavepoint over the engine's transaction savepoints. */
class SavepointTest {
    private String url;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        url = Jdbc.freshUrl();
        c = Jdbc.open(url);
        update(c, "CREATE TABLE t (k INT PRIMARY KEY)");
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void rollingBackToASavepointKeepsTheWritesBeforeIt() throws SQLException {
        assertThat(c.getMetaData().supportsSavepoints()).isTrue();
        update(c, "INSERT INTO t VALUES (1)");
        Savepoint a = c.setSavepoint();
        update(c, "INSERT INTO t VALUES (2)");
        Savepoint b = c.setSavepoint("b");
        update(c, "INSERT INTO t VALUES (3)", "DELETE FROM t WHERE k = 1");
        assertThat(longs(c, "SELECT k FROM t ORDER BY k")).containsExactly(2L, 3L);

        c.rollback(b);
        assertThat(longs(c, "SELECT k FROM t ORDER BY k")).containsExactly(1L, 2L);
        update(c, "INSERT INTO t VALUES (4)");
        c.rollback(b); // still valid after being rolled back to
        assertThat(longs(c, "SELECT k FROM t ORDER BY k")).containsExactly(1L, 2L);

        c.rollback(a);
        assertThat(longs(c, "SELECT k FROM t ORDER BY k")).containsExactly(1L);
        assertThatThrownBy(() -> c.rollback(b)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001")); // rolled back past

        c.commit();
        try (Connection other = Jdbc.open(url)) {
            assertThat(longs(other, "SELECT k FROM t ORDER BY k")).containsExactly(1L);
        }
    }

    @Test
    void idsAndNames() throws SQLException {
        Savepoint unnamed = c.setSavepoint();
        Savepoint named = c.setSavepoint("mine");
        assertThat(unnamed.getSavepointId()).isPositive();
        assertThat(named.getSavepointName()).isEqualTo("mine");
        assertThatThrownBy(unnamed::getSavepointName).isInstanceOf(SQLException.class);
        assertThatThrownBy(named::getSavepointId).isInstanceOf(SQLException.class);
        assertThat(c.setSavepoint().getSavepointId()).isNotEqualTo(unnamed.getSavepointId());
        assertThatThrownBy(() -> c.setSavepoint(null)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
    }

    @Test
    void releasingDropsTheSavepointAndLaterOnes() throws SQLException {
        Savepoint a = c.setSavepoint();
        update(c, "INSERT INTO t VALUES (1)");
        Savepoint b = c.setSavepoint();
        Savepoint d = c.setSavepoint();
        c.releaseSavepoint(b);
        assertThatThrownBy(() -> c.rollback(b)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        assertThatThrownBy(() -> c.rollback(d)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        assertThatThrownBy(() -> c.releaseSavepoint(b)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        assertThat(longs(c, "SELECT k FROM t")).containsExactly(1L); // releasing keeps the writes
        c.rollback(a);
        assertThat(longs(c, "SELECT k FROM t")).isEmpty();
    }

    @Test
    void savepointsEndWithTheirTransaction() throws SQLException {
        Savepoint a = c.setSavepoint();
        update(c, "INSERT INTO t VALUES (1)");
        c.commit();
        assertThatThrownBy(() -> c.rollback(a)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        Savepoint b = c.setSavepoint();
        c.rollback();
        assertThatThrownBy(() -> c.releaseSavepoint(b)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        assertThat(longs(c, "SELECT k FROM t")).containsExactly(1L);
    }

    @Test
    void foreignSavepointsAndAutoCommitAreRefused() throws SQLException {
        try (Connection other = Jdbc.open(url)) {
            other.setAutoCommit(false);
            Savepoint theirs = other.setSavepoint();
            assertThatThrownBy(() -> c.rollback(theirs)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
            assertThatThrownBy(() -> c.releaseSavepoint(theirs)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
            assertThatThrownBy(() -> c.rollback((Savepoint) null)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
            Savepoint foreign = new Savepoint() {
                @Override
                public int getSavepointId() {
                    return 1;
                }

                @Override
                public String getSavepointName() {
                    return null;
                }
            };
            assertThatThrownBy(() -> c.rollback(foreign)).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        }
        c.setAutoCommit(true);
        assertThatThrownBy(c::setSavepoint).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
        assertThatThrownBy(() -> c.setSavepoint("x")).satisfies(e -> assertThat(state(e)).isEqualTo("3B001"));
    }

    @Test
    void ddlAfterASavepointIsRolledBackToo() throws SQLException {
        Savepoint a = c.setSavepoint();
        update(c, "CREATE TABLE u (k INT PRIMARY KEY)", "INSERT INTO u VALUES (7)");
        assertThat(longs(c, "SELECT k FROM u")).containsExactly(7L);
        c.rollback(a);
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT k FROM u")).satisfies(e -> assertThat(state(e)).isEqualTo("42S02"));
        }
        update(c, "CREATE TABLE u (k INT PRIMARY KEY)");
        c.commit();
        assertThat(longs(c, "SELECT k FROM u")).isEmpty();
    }
}
