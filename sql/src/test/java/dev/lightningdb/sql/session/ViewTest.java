package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.SqlError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Views: stored, expanded by the planner, read-only, and guarded by their dependencies. */
class ViewTest extends SqlTestSupport {
    @BeforeEach
    void emp() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), sal INT, boss INT)");
        update("INSERT INTO emp VALUES (1, 'a', 100, NULL), (2, 'a', 50, 1), (3, 'b', 70, 1), (4, 'b', 20, 3)");
    }

    @Test
    void aViewIsItsQuery() {
        update("CREATE VIEW v_emp AS SELECT dept, COUNT(*) AS n FROM emp GROUP BY dept");
        assertThat(rows("SELECT * FROM v_emp ORDER BY dept")).containsExactly(List.of("a", 2L), List.of("b", 2L));
        update("INSERT INTO emp VALUES (5, 'c', 10, 1)");
        assertThat(rows("SELECT n FROM v_emp WHERE dept = ?", "c")).containsExactly(List.of(1L));
    }

    @Test
    void viewsOfViewsJoinsSubqueriesAndParameters() {
        update("CREATE VIEW rich (who, pay) AS SELECT id, sal FROM emp WHERE sal >= 50");
        update("CREATE VIEW richest AS SELECT who FROM rich WHERE pay > 60");
        assertThat(rows("SELECT who FROM richest ORDER BY who")).containsExactly(List.of(1), List.of(3));
        assertThat(rows("SELECT e.dept, r.pay FROM emp e JOIN rich r ON e.id = r.who WHERE r.pay < ? ORDER BY r.pay", 80))
                .containsExactly(List.of("a", 50), List.of("b", 70));
        assertThat(rows("SELECT id FROM emp WHERE id IN (SELECT who FROM richest) AND id > ?", 1)).containsExactly(List.of(3));
        assertThat(single("SELECT (SELECT MAX(pay) FROM rich) FROM emp WHERE id = 1")).isEqualTo(100);
    }

    @Test
    void orderByAndLimitInsideTheView() {
        update("CREATE VIEW top2 AS SELECT id, sal FROM emp ORDER BY sal DESC LIMIT 2");
        assertThat(rows("SELECT id FROM top2 ORDER BY id")).containsExactly(List.of(1), List.of(3));
        assertThat(single("SELECT COUNT(*) FROM top2")).isEqualTo(2L);
    }

    @Test
    void selectStarFreezesTheColumnsAsPostgreSqlDoes() {
        update("CREATE VIEW all_emp AS SELECT * FROM emp");
        update("ALTER TABLE emp ADD COLUMN extra INT");
        try (var r = (QueryResult) session.execute("SELECT * FROM all_emp")) {
            assertThat(r.columns()).extracting(c -> c.label()).containsExactly("ID", "DEPT", "SAL", "BOSS");
        }
        assertFails("42S22", "SELECT extra FROM all_emp");
    }

    @Test
    void viewsAreReadOnly() {
        update("CREATE VIEW v AS SELECT id, sal FROM emp");
        assertFails("42809", "INSERT INTO v VALUES (9, 9)").hasMessageContaining("view");
        assertFails("42809", "UPDATE v SET sal = 1");
        assertFails("42809", "DELETE FROM v");
        assertFails("42809", "ALTER TABLE v ADD COLUMN x INT");
        assertFails("42809", "DROP TABLE v");
        assertFails("42809", "DROP VIEW emp");
        assertFails("42S01", "CREATE TABLE v (a INT PRIMARY KEY)");
        assertFails("42S01", "CREATE VIEW emp AS SELECT 1 AS one");
    }

    @Test
    void createOrReplaceAndIfNotExists() {
        update("CREATE VIEW v AS SELECT id FROM emp WHERE id < 2");
        assertFails("42S01", "CREATE VIEW v AS SELECT id FROM emp");
        update("CREATE VIEW IF NOT EXISTS v AS SELECT id FROM emp");
        assertThat(single("SELECT COUNT(*) FROM v")).isEqualTo(1L);
        update("CREATE OR REPLACE VIEW v AS SELECT id, dept FROM emp");
        assertThat(single("SELECT COUNT(*) FROM v")).isEqualTo(4L);
        assertFails("42601", "CREATE VIEW w (a, b) AS SELECT id FROM emp");
        assertFails("42701", "CREATE VIEW w AS SELECT id, id FROM emp");
        assertFails("42000", "CREATE VIEW w AS SELECT id FROM emp WHERE id = ?");
        assertFails("42S02", "CREATE VIEW w AS SELECT id FROM nothing");
    }

    @Test
    void dependentViewsBlockDropsUnlessCascade() {
        update("CREATE VIEW v1 AS SELECT id, sal FROM emp");
        update("CREATE VIEW v2 AS SELECT id FROM v1");
        assertFails("2BP01", "DROP TABLE emp").hasMessageContaining("V1").hasMessageContaining("V2");
        assertFails("2BP01", "DROP VIEW v1").hasMessageContaining("V2");
        assertFails("2BP01", "ALTER TABLE emp DROP COLUMN sal").hasMessageContaining("V1");
        update("ALTER TABLE emp DROP COLUMN dept"); // no view uses it
        assertFails("2BP01", "ALTER TABLE emp RENAME TO staff");
        assertFails("2BP01", "ALTER TABLE emp RENAME COLUMN sal TO pay");
        assertFails("2BP01", "ALTER TABLE emp ALTER COLUMN sal SET DATA TYPE BIGINT");
        update("ALTER TABLE emp RENAME COLUMN boss TO chief");
        update("DROP VIEW v1, v2");
        update("CREATE VIEW v1 AS SELECT id, sal FROM emp");
        update("CREATE VIEW v2 AS SELECT id FROM v1");
        update("ALTER TABLE emp DROP COLUMN sal CASCADE");
        assertThat(rows("SELECT * FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = 'PUBLIC'")).isEmpty();
        update("CREATE VIEW v1 AS SELECT id FROM emp");
        update("DROP TABLE emp CASCADE");
        assertFails("42S02", "SELECT * FROM v1");
    }

    @Test
    void dropSchemaCascadeTakesItsViewsAndTheirReaders() {
        update("CREATE SCHEMA s");
        update("CREATE TABLE s.t (id INT PRIMARY KEY)");
        update("CREATE VIEW s.vt AS SELECT id FROM s.t");
        update("CREATE VIEW public.reader AS SELECT id FROM s.vt");
        assertFails("2BP01", "DROP SCHEMA s");
        update("DROP SCHEMA s CASCADE");
        assertFails("42S02", "SELECT * FROM reader");
    }

    @Test
    void unqualifiedNamesStayInTheCreatorsSchema() {
        update("CREATE SCHEMA s");
        update("CREATE TABLE s.emp (id INT PRIMARY KEY)");
        update("SET SCHEMA s");
        update("CREATE VIEW sv AS SELECT COUNT(*) AS n FROM emp");
        update("SET SCHEMA PUBLIC");
        assertThat(single("SELECT n FROM s.sv")).isEqualTo(0L);
    }

    @Test
    void rollbackForgetsTheViewAndReopeningKeepsIt() {
        session.setAutoCommit(false);
        update("CREATE VIEW gone AS SELECT id FROM emp");
        assertThat(single("SELECT COUNT(*) FROM gone")).isEqualTo(4L);
        session.rollback();
        assertFails("42S02", "SELECT * FROM gone");
    }

    @Test
    void aViewSurvivesReopening() {
        LightningDb engine = LightningDb.inMemory();
        Database first = Database.open(engine);
        try (Session s = first.newSession()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, x INT)");
            s.execute("INSERT INTO t VALUES (1, 10)");
            s.execute("CREATE VIEW vx AS SELECT x * 2 AS twice FROM t");
        }
        Database second = Database.open(engine);
        try (Session s = second.newSession();
             var r = (QueryResult) s.execute("SELECT twice FROM vx")) {
            assertThat(r.next()).isTrue();
            assertThat(r.row()[0]).isEqualTo(20);
        }
    }

    @Test
    void theOptimizerSeesThroughAView() {
        update("CREATE VIEW rich AS SELECT id, sal FROM emp WHERE sal > 10");
        assertThat(rows("EXPLAIN SELECT * FROM rich WHERE id = 3").toString()).contains("primary key lookup");
    }

    @Test
    void aPreparedQueryFollowsAReplacedView() {
        update("CREATE VIEW v AS SELECT id FROM emp WHERE id = 1");
        Prepared p = session.prepare("SELECT COUNT(*) FROM v");
        assertThat(count(p)).isEqualTo(1L);
        update("CREATE OR REPLACE VIEW v AS SELECT id FROM emp");
        assertThat(count(p)).isEqualTo(4L);
    }

    private static Object count(Prepared p) {
        try (var r = (QueryResult) p.execute(new Object[0], new AtomicBoolean())) {
            r.next();
            return r.row()[0];
        }
    }

    /**
     * A view created in one transaction and a DROP TABLE of its table in another: the drop waits for
     * the schema lock, then sees the committed view and is refused; had the view been rolled back, the
     * drop would go through.
     */
    @Test
    void aDropWaitsForAConcurrentCreateViewAndThenSeesIt() throws Exception {
        try (Session other = db.newSession()) {
            session.setAutoCommit(false);
            update("CREATE VIEW guard AS SELECT id FROM emp");
            CompletableFuture<String> drop = inBackground(other, "DROP TABLE emp");
            Thread.sleep(200);
            assertThat(drop).isNotDone();
            session.commit();
            assertThat(drop.get(30, TimeUnit.SECONDS)).isEqualTo("2BP01");
            update("CREATE VIEW guard2 AS SELECT id FROM emp");
            CompletableFuture<String> drop2 = inBackground(other, "DROP TABLE emp CASCADE");
            Thread.sleep(200);
            session.rollback();
            assertThat(drop2.get(30, TimeUnit.SECONDS)).isEqualTo("done");
            session.setAutoCommit(true);
            assertFails("42S02", "SELECT * FROM guard");
        }
    }

    /** Runs {@code sql} in {@code s} on another thread: "done", or the SQLState it failed with. */
    private static CompletableFuture<String> inBackground(Session s, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                s.execute(sql);
                return "done";
            } catch (SqlError e) {
                return e.sqlState();
            }
        });
    }

    @Test
    void showStatements() {
        update("CREATE VIEW v AS SELECT id FROM emp");
        assertThat(rows("SHOW TABLES")).containsExactly(List.of("EMP", "PUBLIC"), List.of("V", "PUBLIC"));
        assertThat(rows("SHOW SCHEMAS")).contains(List.of("PUBLIC"), List.of("INFORMATION_SCHEMA"));
        assertThat(rows("SHOW COLUMNS FROM emp")).containsExactly(
                List.of("ID", "INTEGER", "NO", "PRI", "NULL"),
                List.of("DEPT", "CHARACTER VARYING(10)", "YES", "", "NULL"),
                List.of("SAL", "INTEGER", "YES", "", "NULL"),
                List.of("BOSS", "INTEGER", "YES", "", "NULL"));
    }
}
