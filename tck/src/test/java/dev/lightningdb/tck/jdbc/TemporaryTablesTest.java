package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary tables through JDBC, several connections at once, compared with H2 where both speak
 * the same SQL: each connection has its own table and rows, a rollback undoes them, they are gone
 * when the connection closes or the process dies, and DatabaseMetaData shows them to their owner.
 */
class TemporaryTablesTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:lightning:" + dir.resolve("db");
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        return Jdbc.rows(c, sql);
    }

    private static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static List<String> tables(Connection c, String type) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", type == null ? null : new String[] {type})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
            }
        }
        return out;
    }

    /** The same statements on H2 and here give the same rows: joins of temporary and permanent tables, a rollback, indexes. */
    private static List<String> scenario(Connection c) throws SQLException {
        run(c, "CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), sal INT)",
                "INSERT INTO emp VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', 30), (4, 'c', 40)",
                "CREATE LOCAL TEMPORARY TABLE picked (id INT PRIMARY KEY, note VARCHAR(10))",
                "CREATE INDEX picked_note ON picked (note)",
                "INSERT INTO picked SELECT id, dept FROM emp WHERE sal > 15");
        List<String> seen = new ArrayList<>(rows(c, "SELECT e.id, e.sal, p.note FROM emp e JOIN picked p ON p.id = e.id ORDER BY e.id"));
        c.setAutoCommit(false);
        run(c, "DELETE FROM picked WHERE note = 'a'", "UPDATE emp SET sal = sal + 1 WHERE id IN (SELECT id FROM picked)");
        seen.addAll(rows(c, "SELECT COUNT(*) FROM picked"));
        c.rollback();
        seen.addAll(rows(c, "SELECT id FROM picked WHERE note = 'a' ORDER BY id"));
        seen.addAll(rows(c, "SELECT SUM(sal) FROM emp"));
        run(c, "DROP TABLE picked");
        c.commit();
        c.setAutoCommit(true);
        return seen;
    }

    @Test
    void joinsRollbackAndIndexesAnswerAsH2Does() throws SQLException {
        List<String> h2;
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:temporary")) {
            h2 = scenario(c);
        }
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(scenario(c)).containsExactlyElementsOf(h2);
        }
    }

    @Test
    void twoConnectionsHaveTheirOwnTableOfTheSameNameAndOnlyTheirOwnMetadata() throws SQLException {
        try (Connection a = DriverManager.getConnection(url()); Connection b = DriverManager.getConnection(url())) {
            run(a, "CREATE TABLE shared (id INT PRIMARY KEY)", "CREATE TEMPORARY TABLE mine (id INT PRIMARY KEY, who VARCHAR(1))",
                    "INSERT INTO mine VALUES (1, 'a')");
            assertThatThrownBy(() -> rows(b, "SELECT * FROM mine")).isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "42S02");
            run(b, "CREATE TEMP TABLE mine (id INT PRIMARY KEY, who VARCHAR(1))", "INSERT INTO mine VALUES (1, 'b'), (2, 'b')");
            assertThat(rows(a, "SELECT who FROM mine")).containsExactly("a");
            assertThat(rows(b, "SELECT who FROM mine")).containsExactly("b", "b");
            assertThat(tables(a, null)).contains("MINE:LOCAL TEMPORARY", "SHARED:TABLE");
            assertThat(tables(a, "TABLE")).doesNotContain("MINE:LOCAL TEMPORARY");
            assertThat(tables(a, "LOCAL TEMPORARY")).containsExactly("MINE:LOCAL TEMPORARY");
            run(b, "DROP TABLE mine");
            assertThat(tables(b, "LOCAL TEMPORARY")).isEmpty();
            assertThat(rows(a, "SELECT who FROM mine")).containsExactly("a");
            try (ResultSet rs = a.getMetaData().getColumns(null, null, "MINE", "%")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("COLUMN_NAME")).isEqualTo("ID");
            }
        }
    }

    @Test
    void aConnectionsTablesGoWithItAndManyRowsStayOutOfTheFiles() throws SQLException {
        try (Connection a = DriverManager.getConnection(url())) {
            try (Connection b = DriverManager.getConnection(url())) {
                run(b, "CREATE TEMPORARY TABLE big (id INT PRIMARY KEY, pad VARCHAR(300))");
                b.setAutoCommit(false);
                try (PreparedStatement insert = b.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
                    for (int i = 0; i < 60_000; i++) { // ~20 MB: more than the temporary rows' page cache
                        insert.setInt(1, i);
                        insert.setString(2, "x".repeat(300));
                        insert.addBatch();
                        if (i % 5000 == 4999) {
                            insert.executeBatch();
                        }
                    }
                }
                b.commit();
                assertThat(rows(b, "SELECT COUNT(*), MIN(id), MAX(id) FROM big")).containsExactly("60000|0|59999");
                assertThat(rows(b, "SELECT COUNT(*) FROM big WHERE id BETWEEN 1000 AND 1999")).containsExactly("1000");
            }
            run(a, "CREATE TEMPORARY TABLE big (id INT PRIMARY KEY)"); // the closed connection's table is gone
            assertThat(rows(a, "SELECT COUNT(*) FROM big")).containsExactly("0");
        }
        try (LightningDb engine = LightningDb.open(dir.resolve("db")); Cursor all = engine.scan(KeyRange.all())) {
            while (all.next()) {
                assertThat(all.key()[0] & 0xFF).isLessThan(0x80);
            }
        }
    }

    /** Connections writing temporary tables of the same names at once never see each other's rows. */
    @Test
    void concurrentConnectionsKeepTheirRowsApart() throws Exception {
        try (Connection c = DriverManager.getConnection(url())) {
            run(c, "CREATE GLOBAL TEMPORARY TABLE g (id INT PRIMARY KEY, who INT)");
        }
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                results.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url())) {
                        run(c, "CREATE TEMP TABLE l (id INT PRIMARY KEY, who INT)");
                        c.setAutoCommit(false);
                        for (int round = 0; round < 20; round++) {
                            for (int i = 0; i < 25; i++) {
                                int id = round * 25 + i;
                                run(c, "INSERT INTO l VALUES (" + id + ", " + me + ")", "INSERT INTO g VALUES (" + id + ", " + me + ")");
                            }
                            if (round % 2 == 0) {
                                c.commit();
                            } else {
                                c.rollback();
                            }
                        }
                        c.setAutoCommit(true);
                        List<String> seen = new ArrayList<>(rows(c, "SELECT COUNT(*), MIN(who), MAX(who) FROM l"));
                        seen.addAll(rows(c, "SELECT COUNT(*), MIN(who), MAX(who) FROM g"));
                        seen.addAll(rows(c, "SELECT COUNT(*) FROM l JOIN g ON l.id = g.id AND l.who = g.who"));
                        return seen;
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertThat(results.get(t).get(120, TimeUnit.SECONDS)).containsExactly("250|" + t + "|" + t, "250|" + t + "|" + t, "250");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKilledProcessLeavesNoTemporaryTableBehind() throws Exception {
        try (Connection c = DriverManager.getConnection(url())) {
            run(c, "CREATE GLOBAL TEMPORARY TABLE g (id INT PRIMARY KEY)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), TemporaryTableChild.class.getName(),
                dir.resolve("db").toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while (!ready && (line = out.readLine()) != null) {
                ready = line.equals("READY");
            }
            assertThat(ready).as("the child filled its temporary table").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(rows(c, "SELECT id FROM kept")).containsExactly("1");
            assertThat(rows(c, "SELECT COUNT(*) FROM g")).containsExactly("0");
            assertThatThrownBy(() -> rows(c, "SELECT * FROM scratch")).isInstanceOf(SQLException.class);
            assertThat(tables(c, null)).containsExactly("G:GLOBAL TEMPORARY", "KEPT:TABLE");
        }
    }
}
