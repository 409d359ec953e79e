package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TYPE_SCROLL_INSENSITIVE read-only results, and what happens to kinds the driver does not have. */
class ScrollableResultSetTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = Jdbc.open(Jdbc.freshUrl());
        update(c, "CREATE TABLE t (k INT PRIMARY KEY)", "INSERT INTO t VALUES (1), (2), (3), (4), (5)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private Statement scrollable() throws SQLException {
        return c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
    }

    @Test
    void theCursorMovesAnywhere() throws SQLException {
        try (Statement s = scrollable(); ResultSet rs = s.executeQuery("SELECT k FROM t ORDER BY k")) {
            assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
            assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
            assertThat(rs.isBeforeFirst()).isTrue();
            assertThat(rs.getRow()).isZero();
            assertThat(rs.last()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getRow()).isEqualTo(5);
            assertThat(rs.isLast()).isTrue();
            assertThat(rs.previous()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.first()).isTrue();
            assertThat(rs.isFirst()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.previous()).isFalse();
            assertThat(rs.isBeforeFirst()).isTrue();
            assertThatThrownBy(() -> rs.getInt(1)).satisfies(e -> assertThat(state(e)).isEqualTo("24000"));
            assertThat(rs.absolute(3)).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(rs.relative(1)).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.relative(-3)).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.absolute(-2)).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.absolute(9)).isFalse();
            assertThat(rs.isAfterLast()).isTrue();
            assertThat(rs.getRow()).isZero();
            assertThat(rs.relative(-1)).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.absolute(0)).isFalse();
            assertThat(rs.isBeforeFirst()).isTrue();
            rs.afterLast();
            assertThat(rs.isAfterLast()).isTrue();
            assertThat(rs.next()).isFalse();
            assertThat(rs.previous()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
            rs.beforeFirst();
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertThat(n).isEqualTo(5);
            rs.setFetchDirection(ResultSet.FETCH_REVERSE);
            assertThat(rs.getFetchDirection()).isEqualTo(ResultSet.FETCH_REVERSE);
        }
    }

    @Test
    void theRowsAreASnapshotAndMaxRowsApplies() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT k FROM t WHERE k > ? ORDER BY k", ResultSet.TYPE_SCROLL_INSENSITIVE,
                ResultSet.CONCUR_READ_ONLY)) {
            p.setInt(1, 1);
            p.setMaxRows(3);
            try (ResultSet rs = p.executeQuery()) {
                update(c, "DELETE FROM t"); // insensitive: the result set keeps what it read
                assertThat(rs.last()).isTrue();
                assertThat(rs.getRow()).isEqualTo(3);
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
        }
        try (Statement s = scrollable(); ResultSet rs = s.executeQuery("SELECT k FROM t")) {
            assertThat(rs.first()).isFalse();
            assertThat(rs.last()).isFalse();
            assertThat(rs.isBeforeFirst()).isFalse(); // an empty result is neither before the first row nor after the last
            assertThat(rs.isAfterLast()).isFalse();
        }
    }

    @Test
    void forwardOnlyResultsRefuseToMoveBack() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k FROM t ORDER BY k")) {
            assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
            assertThat(rs.next()).isTrue();
            assertThat(rs.isFirst()).isTrue();
            assertThatThrownBy(rs::previous).satisfies(e -> assertThat(state(e)).isEqualTo("24000"));
            assertThatThrownBy(() -> rs.absolute(1)).satisfies(e -> assertThat(state(e)).isEqualTo("24000"));
            assertThatThrownBy(rs::beforeFirst).satisfies(e -> assertThat(state(e)).isEqualTo("24000"));
            assertThatThrownBy(() -> rs.setFetchDirection(ResultSet.FETCH_REVERSE)).satisfies(e -> assertThat(state(e)).isEqualTo("24000"));
        }
    }

    @Test
    void unsupportedKindsAreDowngradedWithAWarning() throws SQLException {
        assertThat(c.getMetaData().supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isTrue();
        assertThat(c.getMetaData().supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE)).isFalse();
        assertThat(c.getMetaData().supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)).isFalse();
        assertThat((Object) c.getWarnings()).isNull();
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE)) {
            assertThat(s.getResultSetType()).isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
            assertThat(s.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
            SQLWarning w = c.getWarnings();
            assertThat((Object) w).isNotNull();
            assertThat(w.getMessage()).contains("CONCUR_READ_ONLY");
            assertThat(w.getNextWarning().getMessage()).contains("TYPE_SCROLL_INSENSITIVE");
            try (ResultSet rs = s.executeQuery("SELECT k FROM t")) {
                assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
                assertThat(rs.last()).isTrue();
                assertThatThrownBy(() -> rs.updateInt(1, 9)).satisfies(e -> assertThat(state(e)).isEqualTo("HYC00"));
            }
        }
        c.clearWarnings();
        assertThat((Object) c.getWarnings()).isNull();
        assertThatThrownBy(() -> c.createStatement(99, ResultSet.CONCUR_READ_ONLY)).satisfies(e -> assertThat(state(e)).isEqualTo("HY024"));
    }
}
