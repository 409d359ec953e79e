package dev.lightningdb.tck.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foreign key matrix: each action × each write (insert or update of a child, update or delete
 * of a parent) × committed or rolled back, run alone against H2 as the oracle (the same outcome
 * and the same rows), and run beside a second connection that deletes the parent the write is
 * about: whichever order the two take, no child is left referencing a missing parent.
 */
class ForeignKeyMatrixTest {
    enum Action {
        CASCADE, SET_NULL, SET_DEFAULT, RESTRICT, NO_ACTION;

        String sql() {
            return name().replace('_', ' ');
        }
    }

    enum Write {
        INSERT_CHILD("INSERT INTO child VALUES (20, 1)", "INSERT INTO child VALUES (21, 9)"),
        UPDATE_CHILD("UPDATE child SET pid = 1 WHERE id = 12", "UPDATE child SET pid = 9 WHERE id = 10"),
        UPDATE_PARENT("UPDATE parent SET id = 5 WHERE id = 1", "UPDATE parent SET v = 7 WHERE id = 1"),
        DELETE_PARENT("DELETE FROM parent WHERE id = 1", "DELETE FROM parent WHERE id = 3");

        final String[] statements;

        Write(String... statements) {
            this.statements = statements;
        }
    }

    @TempDir
    Path dir;

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Action a : Action.values()) {
            for (Write w : Write.values()) {
                out.add(Arguments.of(a, w, true));
                out.add(Arguments.of(a, w, false));
            }
        }
        return out.stream();
    }

    private static void schema(Connection c, Action action) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE parent (id INT PRIMARY KEY, v INT)");
            s.executeUpdate("CREATE TABLE child (id INT PRIMARY KEY, pid INT DEFAULT 0, CONSTRAINT fk_child FOREIGN KEY (pid) "
                    + "REFERENCES parent (id) ON DELETE " + action.sql() + " ON UPDATE " + action.sql() + ")");
            s.executeUpdate("INSERT INTO parent VALUES (0, 0), (1, 1), (2, 2), (3, 3)");
            s.executeUpdate("INSERT INTO child VALUES (10, 1), (11, 1), (12, 2), (13, NULL)");
        }
    }

    /** Runs the write's statements (auto-commit off); each one's outcome: "ok n" or the SQLState. */
    private static List<String> write(Connection c, Write write) throws SQLException {
        c.setAutoCommit(false);
        List<String> outcomes = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String sql : write.statements) {
                try {
                    outcomes.add("ok " + s.executeUpdate(sql));
                } catch (SQLException e) {
                    outcomes.add(e.getSQLState());
                }
            }
        }
        return outcomes;
    }

    /** Runs the write's statements in one transaction; each one's outcome: "ok n" or the SQLState's class. */
    private static List<String> run(Connection c, Write write, boolean commit) throws SQLException {
        List<String> outcomes = write(c, write).stream()
                .map(o -> o.startsWith("ok") ? o : "failed " + o.substring(0, 2)) // H2 says 23506 where PostgreSQL and we say 23503
                .toList();
        if (commit) {
            c.commit();
        } else {
            c.rollback();
        }
        c.setAutoCommit(true);
        return outcomes;
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String q : List.of("SELECT id, v FROM parent ORDER BY id", "SELECT id, pid FROM child ORDER BY id")) {
                try (ResultSet r = s.executeQuery(q)) {
                    while (r.next()) {
                        out.add(r.getObject(1) + ":" + r.getObject(2));
                    }
                }
                out.add("|");
            }
        }
        return out;
    }

    private static long orphans(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM child c WHERE c.pid IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.pid)")) {
            r.next();
            return r.getLong(1);
        }
    }

    @ParameterizedTest(name = "{0} {1} commit={2}")
    @MethodSource("matrix")
    void sameOutcomesAndRowsAsH2(Action action, Write write, boolean commit) throws Exception {
        try (Connection ours = DriverManager.getConnection("jdbc:lightning:" + dir.resolve("db"));
                Connection h2 = DriverManager.getConnection("jdbc:h2:mem:fk_" + action + "_" + write + "_" + commit)) {
            schema(ours, action);
            schema(h2, action);
            assertThat(run(ours, write, commit)).isEqualTo(run(h2, write, commit));
            assertThat(rows(ours)).isEqualTo(rows(h2));
            assertThat(orphans(ours)).isZero();
        }
    }

    /**
     * A second connection deletes parent 1 while the write's transaction is open. It waits for the
     * locks of the first, or the first waits for it; both finish, and no child references a
     * parent that does not exist. A delete that a child's reference refuses fails with 23503.
     */
    @ParameterizedTest(name = "{0} {1} commit={2}, concurrent parent delete")
    @MethodSource("matrix")
    void concurrentParentDeleteLeavesNoOrphans(Action action, Write write, boolean commit) throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("db");
        try (Connection setup = DriverManager.getConnection(url); Connection first = DriverManager.getConnection(url);
                Connection second = DriverManager.getConnection(url)) {
            schema(setup, action);
            List<String> outcomes = write(first, write);
            CompletableFuture<String> delete = CompletableFuture.supplyAsync(() -> {
                try (Statement s = second.createStatement()) {
                    return "ok " + s.executeUpdate("DELETE FROM parent WHERE id = 1");
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            if (commit) {
                first.commit();
            } else {
                first.rollback();
            }
            String deleted = delete.get(60, TimeUnit.SECONDS);
            assertThat(deleted).isIn("ok 0", "ok 1", "23503");
            if (deleted.equals("23503")) {
                assertThat(action).isIn(Action.RESTRICT, Action.NO_ACTION);
            }
            assertThat(orphans(setup)).isZero();
            assertThat(outcomes).allMatch(o -> o.startsWith("ok") || o.equals("23503"));
        }
    }
}
