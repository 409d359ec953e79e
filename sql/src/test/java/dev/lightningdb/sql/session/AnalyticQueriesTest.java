package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Window functions, WITH RECURSIVE and grouping sets: parsed by our grammar, planned by Calcite. */
class AnalyticQueriesTest extends SqlTestSupport {
    @BeforeEach
    void emp() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), sal INT, boss INT)");
        update("INSERT INTO emp VALUES (1, 'a', 100, NULL), (2, 'a', 80, 1), (3, 'b', 80, 1), (4, 'b', 50, 3)");
    }

    /** A row, integers as longs: SUM's result type is not what these tests are about. */
    private static List<Object> row(Object... values) {
        return Arrays.asList(values).stream().map(v -> v instanceof Integer i ? (Object) i.longValue() : v).toList();
    }

    private List<List<Object>> longs(String sql) {
        return rows(sql).stream().map(r -> row(r.toArray())).toList();
    }

    @Test
    void rankingFunctions() {
        assertThat(longs("SELECT id, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY sal DESC) FROM emp ORDER BY id"))
                .containsExactly(row(1, 1L), row(2, 2L), row(3, 1L), row(4, 2L));
        assertThat(longs("SELECT id, RANK() OVER (ORDER BY sal DESC), DENSE_RANK() OVER (ORDER BY sal DESC),"
                + " NTILE(2) OVER (ORDER BY id) FROM emp ORDER BY id"))
                .containsExactly(row(1, 1L, 1L, 1L), row(2, 2L, 2L, 1L), row(3, 2L, 2L, 2L), row(4, 4L, 3L, 2L));
        assertThat(longs("SELECT id, PERCENT_RANK() OVER (ORDER BY sal), CUME_DIST() OVER (ORDER BY sal) FROM emp ORDER BY id"))
                .containsExactly(row(1, 1.0, 1.0), row(2, 1.0 / 3, 0.75), row(3, 1.0 / 3, 0.75), row(4, 0.0, 0.25));
    }

    @Test
    void aggregatesOverFrames() {
        assertThat(longs("SELECT dept, SUM(sal) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM emp"
                + " ORDER BY id")).containsExactly(row("a", 100L), row("a", 180L), row("b", 260L), row("b", 310L));
        assertThat(longs("SELECT id, COUNT(*) OVER (PARTITION BY dept), MAX(sal) OVER (ORDER BY id ROWS 1 PRECEDING),"
                + " SUM(sal) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM emp ORDER BY id"))
                .containsExactly(row(1, 2L, 100, 180L), row(2, 2L, 100, 260L), row(3, 2L, 80, 210L), row(4, 2L, 80, 130L));
        // RANGE: peers (equal sal) share the frame
        assertThat(longs("SELECT id, SUM(sal) OVER (ORDER BY sal RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM emp"
                + " ORDER BY id")).containsExactly(row(1, 310L), row(2, 210L), row(3, 210L), row(4, 50L));
    }

    @Test
    void offsetAndValueFunctionsAndNamedWindows() {
        assertThat(longs("SELECT id, LAG(sal) OVER w, LEAD(sal, 1, 0) OVER w, FIRST_VALUE(sal) OVER w,"
                + " LAST_VALUE(sal) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
                + " FROM emp WINDOW w AS (ORDER BY id) ORDER BY id"))
                .containsExactly(row(1, null, 80, 100, 50), row(2, 100, 80, 100, 50), row(3, 80, 50, 100, 50),
                        row(4, 80, 0, 100, 50));
    }

    @Test
    void recursiveQueries() {
        assertThat(single("WITH RECURSIVE r(id, lvl) AS (SELECT id, 0 FROM emp WHERE boss IS NULL UNION ALL"
                + " SELECT e.id, r.lvl + 1 FROM emp e JOIN r ON e.boss = r.id) SELECT COUNT(*) FROM r")).isEqualTo(4L);
        assertThat(longs("WITH RECURSIVE r(id, lvl) AS (SELECT id, 0 FROM emp WHERE boss IS NULL UNION ALL"
                + " SELECT e.id, r.lvl + 1 FROM emp e JOIN r ON e.boss = r.id) SELECT id, lvl FROM r ORDER BY id"))
                .containsExactly(row(1, 0), row(2, 1), row(3, 1), row(4, 2));
        assertThat(longs("WITH RECURSIVE n(x) AS (VALUES (1) UNION ALL SELECT x + 1 FROM n WHERE x < 100) SELECT SUM(x) FROM n"))
                .containsExactly(row(5050));
        // UNION: a cycle ends once no new row appears
        assertThat(single("WITH RECURSIVE n(x) AS (VALUES (0) UNION SELECT MOD(x + 1, 5) FROM n) SELECT COUNT(*) FROM n"))
                .isEqualTo(5L);
    }

    @Test
    void aRecursionThatNeverEndsFailsInsteadOfHanging() {
        assertFails("54001", "WITH RECURSIVE n(x) AS (VALUES (1) UNION ALL SELECT x FROM n) SELECT COUNT(*) FROM n")
                .hasMessageContaining("100000");
    }

    @Test
    void groupingSets() {
        assertThat(longs("SELECT dept FROM emp GROUP BY ROLLUP(dept) ORDER BY dept NULLS LAST"))
                .containsExactly(row("a"), row("b"), row((Object) null));
        assertThat(longs("SELECT dept, boss, SUM(sal), GROUPING(dept), GROUPING(boss) FROM emp GROUP BY CUBE(dept, boss)"
                + " ORDER BY GROUPING(dept), GROUPING(boss), dept, boss")).hasSize(10);
        assertThat(longs("SELECT dept, COUNT(*) FROM emp GROUP BY GROUPING SETS ((dept), ()) ORDER BY dept NULLS FIRST"))
                .containsExactly(row(null, 4L), row("a", 2L), row("b", 2L));
        assertThat(longs("SELECT dept, boss, COUNT(*) FROM emp GROUP BY ROLLUP((dept, boss)) ORDER BY dept NULLS LAST, boss"))
                .hasSize(5);
    }
}
