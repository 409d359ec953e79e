package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.SqlError;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standard MERGE: clause choice, counts, errors, and two sessions merging into the same rows. */
class MergeTest extends SqlTestSupport {
    private static final String UPSERT = "MERGE INTO emp USING (VALUES (5, 'c', 10, 1)) AS src(id, dept, sal, boss) ON emp.id = src.id"
            + " WHEN MATCHED THEN UPDATE SET sal = src.sal WHEN NOT MATCHED THEN INSERT VALUES (src.id, src.dept, src.sal, src.boss)";

    @BeforeEach
    void emp() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), sal INT, boss INT)");
        update("INSERT INTO emp VALUES (1, 'a', 100, NULL), (2, 'a', 80, 1), (3, 'b', 80, 1), (4, 'b', 50, 3)");
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void insertsWhenNotMatchedAndUpdatesWhenMatched() {
        assertThat(update(UPSERT)).isEqualTo(1);
        assertThat(rows("SELECT * FROM emp WHERE id = 5")).containsExactly(row(5, "c", 10, 1));
        update("UPDATE emp SET sal = 0 WHERE id = 5");
        assertThat(update(UPSERT)).isEqualTo(1);
        assertThat(rows("SELECT * FROM emp WHERE id = 5")).containsExactly(row(5, "c", 10, 1));
    }

    @Test
    void theFirstClauseWhoseConditionHoldsApplies() {
        long count = update("MERGE INTO emp e USING (VALUES (1, 0), (2, 5), (9, 1), (8, 7)) AS s(id, sal) ON e.id = s.id"
                + " WHEN MATCHED AND s.sal = 0 THEN DELETE"
                + " WHEN MATCHED THEN UPDATE SET sal = e.sal + s.sal"
                + " WHEN NOT MATCHED AND s.sal > 5 THEN INSERT (id, sal) VALUES (s.id, s.sal)");
        assertThat(count).isEqualTo(3); // 1 deleted, 2 updated, 8 inserted; 9 fits no clause
        assertThat(rows("SELECT id, sal FROM emp ORDER BY id"))
                .containsExactly(row(2, 85), row(3, 80), row(4, 50), row(8, 7));
    }

    @Test
    void aValueIsComputedOnlyForTheRowsItsClauseAppliesTo() {
        assertThat(update("MERGE INTO emp USING (VALUES (1, 0)) AS s(id, z) ON emp.id = s.id"
                + " WHEN MATCHED AND s.z <> 0 THEN UPDATE SET sal = 1 / s.z WHEN MATCHED THEN UPDATE SET sal = -1")).isEqualTo(1);
        assertThat(single("SELECT sal FROM emp WHERE id = 1")).isEqualTo(-1);
    }

    @Test
    void sourcesMayBeTablesQueriesAndParameters() {
        update("CREATE TABLE raise (id INT PRIMARY KEY, pct INT)");
        update("INSERT INTO raise VALUES (2, 10), (4, 20), (7, 5)");
        assertThat(update("MERGE INTO emp USING raise r ON emp.id = r.id WHEN MATCHED THEN UPDATE SET sal = sal * (100 + r.pct) / 100"))
                .isEqualTo(2);
        assertThat(rows("SELECT id, sal FROM emp WHERE id IN (2, 4) ORDER BY id")).containsExactly(row(2, 88), row(4, 60));
        assertThat(update("MERGE INTO emp t USING (SELECT dept, MAX(sal) AS top FROM emp GROUP BY dept) s"
                + " ON t.dept = s.dept AND t.sal = s.top WHEN MATCHED THEN DELETE")).isEqualTo(2);
        assertThat(update("MERGE INTO emp USING (SELECT CAST(? AS INT) AS id) s ON emp.id = s.id"
                + " WHEN NOT MATCHED THEN INSERT (id, dept, sal) VALUES (s.id, ?, ?)", 6, "x", 7)).isEqualTo(1);
        assertThat(rows("SELECT id, dept, sal FROM emp ORDER BY id")).containsExactly(row(2, "a", 88), row(4, "b", 60), row(6, "x", 7));
    }

    @Test
    void errorsHaveTheirStatesAndChangeNothing() {
        assertFails("21000", "MERGE INTO emp USING (VALUES (2), (2)) AS s(id) ON emp.id = s.id WHEN MATCHED THEN UPDATE SET sal = 1");
        assertFails("21000", "MERGE INTO emp USING (VALUES (2), (2)) AS s(id) ON emp.id = s.id WHEN MATCHED THEN DELETE");
        assertFails("23505", "MERGE INTO emp USING (VALUES (7), (7)) AS s(id) ON emp.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)");
        assertFails("23502", "MERGE INTO emp USING (VALUES (7)) AS s(id) ON emp.id = s.id WHEN NOT MATCHED THEN INSERT (dept) VALUES ('x')");
        assertFails("22018", "MERGE INTO emp USING (VALUES (7)) AS s(id) ON emp.id = s.id WHEN NOT MATCHED THEN INSERT (id, sal) VALUES (s.id, 'x')");
        assertFails("42S22", "MERGE INTO emp USING (VALUES (7)) AS s(id) ON emp.id = s.nosuch WHEN MATCHED THEN DELETE");
        assertFails("42S22", "MERGE INTO emp USING (VALUES (7)) AS s(id) ON emp.id = s.id WHEN NOT MATCHED THEN INSERT (id, nosuch) VALUES (1, 2)");
        assertFails("42S02", "MERGE INTO nosuch USING (VALUES (7)) AS s(id) ON 1 = 1 WHEN MATCHED THEN DELETE");
        assertFails("42000", "MERGE INTO emp USING (VALUES (7)) AS s(id) ON emp.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (1, 2)");
        assertFails("42000", "MERGE INTO emp USING (VALUES (7)) AS s(id) ON emp.id = s.id");
        assertFails("HYC00", "MERGE INTO emp USING (VALUES (2)) AS s(id) ON emp.id = s.id WHEN MATCHED THEN UPDATE SET id = 9");
        assertThat(single("SELECT COUNT(*) FROM emp")).isEqualTo(4L);
        assertThat(((Number) single("SELECT SUM(sal) FROM emp")).longValue()).isEqualTo(310L);
    }

    @Test
    void foreignKeysAreEnforcedOnBothSides() {
        update("CREATE TABLE task (id INT PRIMARY KEY, owner INT REFERENCES emp (id) ON DELETE CASCADE)");
        update("INSERT INTO task VALUES (10, 4)");
        assertFails("23503", "MERGE INTO task USING (VALUES (11, 99)) AS s(id, owner) ON task.id = s.id"
                + " WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.owner)");
        assertThat(update("MERGE INTO emp USING (VALUES (4)) AS s(id) ON emp.id = s.id WHEN MATCHED THEN DELETE")).isEqualTo(1);
        assertThat(single("SELECT COUNT(*) FROM task")).isEqualTo(0L);
    }

    @Test
    void concurrentInsertsOfTheSameKeyLeaveOneRow() throws Exception {
        session.setAutoCommit(false);
        update(UPSERT.replace("UPDATE SET sal = src.sal", "UPDATE SET sal = emp.sal + 1"));
        try (Session other = db.newSession()) {
            CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return other.execute(UPSERT.replace("UPDATE SET sal = src.sal", "UPDATE SET sal = emp.sal + 1"));
                } catch (SqlError e) {
                    return e.sqlState();
                }
            });
            session.commit();
            Object outcome = second.get();
            // it waited for the key's lock, then found the key taken (23505), or it started after the commit and updated
            if (outcome instanceof String state) {
                assertThat(state).isEqualTo("23505");
                assertThat(single("SELECT sal FROM emp WHERE id = 5")).isEqualTo(10);
            } else {
                assertThat(single("SELECT sal FROM emp WHERE id = 5")).isEqualTo(11);
            }
        }
        assertThat(single("SELECT COUNT(*) FROM emp WHERE id = 5")).isEqualTo(1L);
    }

    @Test
    void concurrentUpdatesOfOneRowLoseNoUpdate() throws Exception {
        String raise = "MERGE INTO emp USING (VALUES (1)) AS s(id) ON emp.id = s.id WHEN MATCHED THEN UPDATE SET sal = sal + 10";
        session.setAutoCommit(false);
        update(raise);
        try (Session other = db.newSession()) {
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
                while (true) {
                    try {
                        return update(other, raise);
                    } catch (SqlError e) {
                        assertThat(e.sqlState()).isEqualTo("40001"); // the row changed after the statement read it: retry
                    }
                }
            });
            session.commit();
            assertThat(second.get()).isEqualTo(1L);
        }
        assertThat(single("SELECT sal FROM emp WHERE id = 1")).isEqualTo(120);
    }

    @Test
    void aRolledBackMergeLeavesTheRowToTheOther() throws Exception {
        String raise = "MERGE INTO emp USING (VALUES (1)) AS s(id) ON emp.id = s.id WHEN MATCHED THEN UPDATE SET sal = sal + 10";
        session.setAutoCommit(false);
        update(raise);
        try (Session other = db.newSession()) {
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> update(other, raise));
            session.rollback();
            assertThat(second.get()).isEqualTo(1L);
        }
        assertThat(single("SELECT sal FROM emp WHERE id = 1")).isEqualTo(110);
    }

    private static long update(Session s, String sql) {
        return ((dev.lightningdb.sql.result.UpdateCount) s.execute(sql)).count();
    }

    @Test
    void mergeFillsRowIdsAndGeneratedColumns() {
        update("CREATE TABLE nopk (a INT, b VARCHAR(10))");
        update("INSERT INTO nopk VALUES (1, 'x')");
        assertThat(update("MERGE INTO nopk USING (VALUES (1, 'y'), (2, 'z')) AS src(a, b) ON nopk.a = src.a"
                + " WHEN MATCHED THEN UPDATE SET b = src.b WHEN NOT MATCHED THEN INSERT VALUES (src.a, src.b)")).isEqualTo(2);
        assertThat(rows("SELECT a, b FROM nopk ORDER BY a")).containsExactly(row(1, "y"), row(2, "z"));
        assertThat(rows("SELECT COUNT(DISTINCT _ROWID_) FROM nopk")).containsExactly(row(2L));

        update("CREATE TABLE gen (id INT PRIMARY KEY, a INT, b INT GENERATED ALWAYS AS (a * 2))");
        update("INSERT INTO gen (id, a) VALUES (1, 5)");
        update("MERGE INTO gen USING (VALUES (1, 7), (2, 3)) AS src(id, a) ON gen.id = src.id"
                + " WHEN MATCHED THEN UPDATE SET a = src.a WHEN NOT MATCHED THEN INSERT (id, a) VALUES (src.id, src.a)");
        assertThat(rows("SELECT id, a, b FROM gen ORDER BY id")).containsExactly(row(1, 7, 14), row(2, 3, 6));
        assertFails("428C9", "MERGE INTO gen USING (VALUES (1, 7)) AS src(id, a) ON gen.id = src.id WHEN MATCHED THEN UPDATE SET b = 1");
    }
}
