package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.longs;
import static dev.lightningdb.tck.jdbc.Jdbc.one;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables declared without a primary key through JDBC: concurrent inserts, restart, the metadata a
 * database browser edits rows by, and the same statements on H2.
 */
class NoPrimaryKeyTableTest {
    private static final int WRITERS = 4;
    private static final int ROWS_PER_WRITER = 600;

    @TempDir
    Path dir;

    /** (writer, seq) → row id, read from {@code c}. */
    private static Map<String, Long> ids(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT writer, seq, _ROWID_ FROM events")) {
            while (rs.next()) {
                assertThat(out.put(rs.getInt(1) + "/" + rs.getInt(2), rs.getLong(3))).isNull();
            }
        }
        return out;
    }

    @Test
    void concurrentWritersNeverShareAnIdAndIdsSurviveARestart() throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("db");
        Map<String, Long> before;
        try (Connection admin = DriverManager.getConnection(url)) {
            update(admin, "CREATE TABLE events (writer INT NOT NULL, seq INT NOT NULL, note VARCHAR(20))");
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> write(url, writer)));
            }
            int committed = 0;
            for (Future<Integer> f : done) {
                committed += f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(one(admin, "SELECT COUNT(*) FROM events")).isEqualTo(committed);
            assertThat(one(admin, "SELECT COUNT(DISTINCT _ROWID_) FROM events")).isEqualTo(committed);
            for (int w = 0; w < WRITERS; w++) {
                assertThat(one(admin, "SELECT COUNT(*) FROM events WHERE writer = " + w)).isEqualTo(committed / WRITERS);
            }
            before = ids(admin);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(ids(c)).isEqualTo(before);
            long highest = before.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            update(c, "INSERT INTO events VALUES (9, 0, 'after')");
            assertThat(one(c, "SELECT _ROWID_ FROM events WHERE writer = 9")).isGreaterThan(highest);
        }
    }

    /** Inserts rows in transactions of 50, every fourth one rolled back; the number of rows committed. */
    private static int write(String url, int writer) throws SQLException {
        int committed = 0;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement("INSERT INTO events (writer, seq, note) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int batch = 0; batch < ROWS_PER_WRITER / 50; batch++) {
                for (int i = 0; i < 50; i++) {
                    insert.setInt(1, writer);
                    insert.setInt(2, batch * 50 + i);
                    insert.setString(3, "w" + writer);
                    insert.executeUpdate();
                }
                if (batch % 4 == 3) {
                    c.rollback();
                } else {
                    c.commit();
                    committed += 50;
                }
            }
        }
        return committed;
    }

    @Test
    void anOpenInsertDoesNotHoldUpAnotherTransactionsInsert() throws SQLException {
        String url = Jdbc.freshUrl();
        try (Connection a = Jdbc.open(url); Connection b = Jdbc.open(url)) {
            update(a, "CREATE TABLE log (msg VARCHAR(10))");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            update(a, "INSERT INTO log VALUES ('a')");
            update(b, "INSERT INTO log VALUES ('b')"); // no shared counter row: b neither waits for a nor conflicts with it
            b.commit();
            a.commit();
            assertThat(longs(a, "SELECT _ROWID_ FROM log ORDER BY msg")).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @Test
    void metadataOffersTheHiddenIdToEditRowsBy() throws SQLException {
        try (Connection c = Jdbc.open(Jdbc.freshUrl())) {
            update(c, "CREATE TABLE nopk (a INT, b VARCHAR(10))", "INSERT INTO nopk VALUES (1, 'x'), (1, 'x')");
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getPrimaryKeys(null, "PUBLIC", "NOPK")) {
                assertThat(rs.next()).isFalse();
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "PUBLIC", "NOPK", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + "@" + rs.getInt("ORDINAL_POSITION"));
                }
            }
            assertThat(columns).containsExactly("A@1", "B@2");
            String id;
            try (ResultSet rs = md.getBestRowIdentifier(null, "PUBLIC", "NOPK", DatabaseMetaData.bestRowSession, false)) {
                assertThat(rs.next()).isTrue();
                id = rs.getString("COLUMN_NAME");
                assertThat(id).isEqualTo("_ROWID_");
                assertThat(rs.getShort("PSEUDO_COLUMN")).isEqualTo((short) DatabaseMetaData.bestRowPseudo);
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(java.sql.Types.BIGINT);
                assertThat(rs.next()).isFalse();
            }
            // what a browser does to edit the second of two equal rows
            List<Long> rowIds = longs(c, "SELECT " + id + " FROM nopk ORDER BY " + id);
            try (PreparedStatement p = c.prepareStatement("UPDATE nopk SET b = ? WHERE " + id + " = ?")) {
                p.setString(1, "y");
                p.setLong(2, rowIds.get(1));
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM nopk ORDER BY b")) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("x");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("y");
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO nopk VALUES (2, 'z')", Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = s.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong(1)).isGreaterThan(rowIds.get(1));
                }
            }
        }
    }

    @Test
    void theSameStatementsGiveTheSameResultsAsOnH2() throws SQLException {
        String[] script = {
            "CREATE TABLE nopk (a INT, b VARCHAR(10))",
            "CREATE TABLE link (x INT NOT NULL, y INT NOT NULL, UNIQUE (x, y))",
            "CREATE INDEX nopk_b ON nopk (b)",
            "INSERT INTO nopk VALUES (1, 'x'), (1, 'x'), (2, NULL), (3, 'y')",
            "INSERT INTO link VALUES (1, 1), (1, 2), (2, 1)",
            "INSERT INTO nopk SELECT x, 'l' FROM link WHERE y = 1",
            "UPDATE nopk SET b = 'w' WHERE a = 1",
            "DELETE FROM nopk WHERE b IS NULL",
            "ALTER TABLE nopk ADD COLUMN c INT DEFAULT 5",
            "UPDATE nopk SET c = a * 10 WHERE b = 'l'",
        };
        String[] queries = {
            "SELECT * FROM nopk ORDER BY a, b, c",
            "SELECT b, COUNT(*) FROM nopk GROUP BY b ORDER BY b",
            "SELECT a FROM nopk WHERE b = 'w' ORDER BY a",
            "SELECT n.a, l.y FROM nopk n JOIN link l ON n.a = l.x ORDER BY 1, 2",
            "SELECT * FROM link ORDER BY x, y",
            "SELECT _ROWID_, x, y FROM link ORDER BY x, y",
            "SELECT x FROM link WHERE _ROWID_ = 2",
        };
        assertThat(run("jdbc:lightning:mem:nopk-" + System.nanoTime(), script, queries))
                .containsExactlyElementsOf(run("jdbc:h2:mem:nopk-" + System.nanoTime(), script, queries));
        String[] failing = {"CREATE TABLE link (x INT NOT NULL, y INT NOT NULL, UNIQUE (x, y))", "INSERT INTO link VALUES (1, 1), (1, 1)"};
        assertThat(failure("jdbc:lightning:mem:nopk-f" + System.nanoTime(), failing))
                .isEqualTo(failure("jdbc:h2:mem:nopk-f" + System.nanoTime(), failing));
    }

    private static List<String> run(String url, String[] script, String[] queries) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            update(c, script);
            for (String q : queries) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(q).append(" → ");
                        for (int i = 1; i <= n; i++) {
                            row.append(i > 1 ? "|" : "").append(rs.getString(i));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }

    private static String failure(String url, String[] script) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            update(c, script);
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
