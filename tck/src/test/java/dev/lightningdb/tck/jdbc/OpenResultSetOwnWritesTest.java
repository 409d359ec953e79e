package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ResultSet still open while the same connection (auto-commit off) updates, deletes and inserts
 * rows through another Statement, ahead of and behind the ResultSet's position. README's rule: a
 * ResultSet that streams rows in key (or index) order shows the connection's changes to rows it
 * has not reached yet and never revisits rows it has passed; a result that must be sorted first
 * shows the state when its first row was read. Other transactions' commits stay unseen either way.
 */
class OpenResultSetOwnWritesTest {
    private static final int ROWS = 3000;

    @ParameterizedTest(name = "isolation {0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
    void aResultSetInKeyOrderShowsTheConnectionsWritesAheadOfIt(int isolation) throws SQLException {
        String url = Jdbc.freshUrl();
        try (Connection c = Jdbc.open(url); Connection other = Jdbc.open(url)) {
            fill(c);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(false);
            TreeMap<Integer, Integer> view = committed();
            List<String> seen = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            Integer position = null;
            try (Statement reader = c.createStatement(); ResultSet rs = reader.executeQuery("SELECT id, v FROM t ORDER BY id");
                 Statement writer = c.createStatement()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    seen.add(id + "=" + rs.getInt(2));
                    Map.Entry<Integer, Integer> next = position == null ? view.firstEntry() : view.higherEntry(position);
                    expected.add(next.getKey() + "=" + next.getValue());
                    position = next.getKey();
                    if (id % 500 == 0 && id <= ROWS) { // not again at the rows these writes insert ahead
                        writeAround(writer, view, id);
                        Jdbc.update(other, "UPDATE t SET v = -2 WHERE id = " + (id + 3)); // another transaction: never seen
                    }
                }
                assertThat(seen).isEqualTo(expected);
            }
            c.rollback();
        }
    }

    /** Writes behind, at, just ahead of and far ahead of row {@code id}, and mirrors them in {@code view}. */
    private static void writeAround(Statement writer, TreeMap<Integer, Integer> view, int id) throws SQLException {
        writer.executeUpdate("UPDATE t SET v = -1 WHERE id IN (" + (id - 10) + ", " + id + ", " + (id + 1) + ", " + (id + 250) + ")");
        for (int k : new int[] {id - 10, id, id + 1, id + 250}) {
            view.computeIfPresent(k, (key, v) -> -1);
        }
        writer.executeUpdate("DELETE FROM t WHERE id IN (" + (id - 20) + ", " + (id + 2) + ", " + (id + 300) + ")");
        for (int k : new int[] {id - 20, id + 2, id + 300}) {
            view.remove(k);
        }
        writer.executeUpdate("INSERT INTO t VALUES (" + (-id) + ", 7), (" + (ROWS + id) + ", 7)");
        view.put(-id, 7);
        view.put(ROWS + id, 7);
        writer.executeUpdate("UPDATE t SET id = id + 100000 WHERE id = " + (id + 5)); // a key moved far ahead
        Integer moved = view.remove(id + 5);
        if (moved != null) {
            view.put(id + 5 + 100000, moved);
        }
    }

    @ParameterizedTest(name = "isolation {0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_SERIALIZABLE})
    void aSortedResultShowsTheStateAtItsFirstRow(int isolation) throws SQLException {
        try (Connection c = Jdbc.open(Jdbc.freshUrl())) {
            fill(c);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(false);
            List<Integer> values = new ArrayList<>();
            try (Statement reader = c.createStatement(); ResultSet rs = reader.executeQuery("SELECT id, v FROM t ORDER BY v DESC, id");
                 Statement writer = c.createStatement()) {
                while (rs.next()) {
                    values.add(rs.getInt(2));
                    if (values.size() == 1) {
                        writer.executeUpdate("UPDATE t SET v = v + 1000000 WHERE id < 100");
                        writer.executeUpdate("DELETE FROM t WHERE id BETWEEN 100 AND 199");
                    }
                }
            }
            assertThat(values).hasSize(ROWS).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).allMatch(v -> v < 1000000);
            assertThat(Jdbc.one(c, "SELECT COUNT(*) FROM t")).isEqualTo(ROWS - 100);
            c.rollback();
        }
    }

    @Test
    void aSchemaChangeOfATableAnOpenResultSetStillReadsIsRefusedAsInPostgreSql() throws SQLException {
        try (Connection c = Jdbc.open(Jdbc.freshUrl())) {
            fill(c);
            Jdbc.update(c, "CREATE TABLE other (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            Jdbc.update(c, "UPDATE t SET v = -v WHERE id = 1");
            int read = 0;
            try (Statement reader = c.createStatement(); ResultSet rs = reader.executeQuery("SELECT * FROM t ORDER BY id")) {
                while (read < 10 && rs.next()) {
                    read++;
                }
                for (String ddl : List.of("ALTER TABLE t DROP COLUMN v", "DROP TABLE t", "TRUNCATE TABLE t", "CREATE INDEX t_v ON t (v)")) {
                    assertThatThrownBy(() -> Jdbc.update(c, ddl)).as(ddl).satisfies(e -> assertThat(Jdbc.state(e)).isEqualTo("55006"));
                }
                Jdbc.update(c, "ALTER TABLE other ADD COLUMN x INT"); // a table the result does not read
                while (rs.next()) {
                    read++;
                }
            }
            assertThat(read).isEqualTo(ROWS);
            Jdbc.update(c, "ALTER TABLE t DROP COLUMN v"); // the result is closed: the change goes ahead
            c.commit();
            assertThat(Jdbc.one(c, "SELECT COUNT(*) FROM t")).isEqualTo(ROWS);
        }
    }

    @Test
    void commitEndsAnOpenResultSet() throws SQLException {
        try (Connection c = Jdbc.open(Jdbc.freshUrl())) {
            fill(c);
            c.setAutoCommit(false);
            try (Statement reader = c.createStatement(); ResultSet rs = reader.executeQuery("SELECT * FROM t ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                c.commit();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static void fill(Connection c) throws SQLException {
        Jdbc.update(c, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                ps.setInt(1, id);
                ps.setInt(2, id * 10);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static TreeMap<Integer, Integer> committed() {
        TreeMap<Integer, Integer> view = new TreeMap<>();
        for (int id = 1; id <= ROWS; id++) {
            view.put(id, id * 10);
        }
        return view;
    }
}
