package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Correlated subqueries that Calcite's decorrelation gets wrong (an ill-typed plan, or a relation of
 * another type) still plan, through the planner's other attempts, and give the right rows.
 */
class SubqueryPlanningTest extends SqlTestSupport {
    @Test
    void aCorrelatedNotInOverABooleanComparison() {
        // decorrelated, the subquery compared a BOOLEAN column with the DATE it selects: generated code did not compile
        update("CREATE TABLE t0 (c0 INT PRIMARY KEY, c2 BOOLEAN)");
        update("CREATE TABLE t1 (c0 INT PRIMARY KEY, c1 DATE, c3 BIGINT)");
        update("INSERT INTO t0 VALUES (1, TRUE), (2, FALSE), (3, NULL)");
        update("INSERT INTO t1 VALUES (1, DATE '2000-02-29', 5), (2, DATE '2000-01-01', 6), (3, DATE '2000-01-01', 5), (4, NULL, 7)");
        assertThat(rows("SELECT c0 FROM t1 a WHERE a.c1 NOT IN (SELECT DATE '2000-02-29' FROM t0 b WHERE b.c2 = (a.c3 = 5)) ORDER BY c0"))
                .containsExactly(List.of(2), List.of(3));
    }

    @Test
    void aCorrelatedScalarSubqueryOverAJoinOnMixedTypes() {
        // "Decorrelation produced a relation with a different type": the ON compares INT with BIGINT
        update("CREATE TABLE t2 (c0 INT PRIMARY KEY, c1 BIGINT, c3 INT)");
        update("INSERT INTO t2 VALUES (1, 1, 1), (2, 2, 2), (3, 7, 9)");
        assertThat(rows("SELECT (SELECT MAX(b.c0) FROM t2 b WHERE b.c3 <= a.c0), x.c1 FROM t2 a JOIN t2 x ON a.c3 = x.c1 ORDER BY 2"))
                .containsExactly(List.of(1, 1L), List.of(2, 2L));
    }

    @Test
    void aCorrelatedSubqueryInALeftJoinCondition() {
        // Calcite left the subquery in the join condition: "field ordinal out of range", or a plan it could not implement
        update("CREATE TABLE t3 (c0 INT PRIMARY KEY, c1 INT)");
        update("INSERT INTO t3 VALUES (1, 1), (2, NULL), (3, 5)");
        assertThat(rows("SELECT a.c0, b.c0 FROM t3 a LEFT JOIN t3 b ON (SELECT a.c0 = b.c1 AND b.c1 <> 7) ORDER BY 1, 2"))
                .containsExactly(List.of(1, 1), Arrays.asList(2, null), Arrays.asList(3, null));
        assertThat(rows("SELECT a.c0, b.c0 FROM t3 a LEFT JOIN t3 b ON b.c0 IN (SELECT x.c0 FROM t3 x WHERE x.c1 = a.c1) ORDER BY 1, 2"))
                .containsExactly(List.of(1, 1), Arrays.asList(2, null), List.of(3, 3));
        assertThat(rows("SELECT * FROM t3 a JOIN t3 ON EXISTS (SELECT 1 FROM t3 x WHERE x.c1 = t3.c1 AND x.c0 > a.c0) ORDER BY 1, 3"))
                .containsExactly(List.of(1, 1, 3, 5), Arrays.asList(2, null, 3, 5));
        assertThat(rows("SELECT a.c0, b.c0 FROM t3 a LEFT JOIN (SELECT * FROM t3) b ON (SELECT a.c0 = b.c1) ORDER BY 1"))
                .containsExactly(List.of(1, 1), Arrays.asList(2, null), Arrays.asList(3, null));
    }

    @Test
    void aCorrelatedSubqueryInARightOrFullJoinConditionIsNotSupported() {
        update("CREATE TABLE t4 (c0 INT PRIMARY KEY, c1 INT)");
        assertFails("HYC00", "SELECT a.c0 FROM t4 a RIGHT JOIN t4 b ON b.c0 IN (SELECT x.c0 FROM t4 x WHERE x.c1 = a.c1)")
                .hasMessageContaining("ON condition");
        assertFails("HYC00", "SELECT a.c0 FROM t4 a FULL JOIN t4 b ON (SELECT a.c0 = b.c1)");
        // both sides have C1: the join calls it ambiguous, where a LATERAL would have read the right side's
        assertFails("42000", "SELECT a.c0 FROM t4 a LEFT JOIN t4 b ON (SELECT a.c0 = c1)").hasMessageContaining("ambiguous");
    }

    @Test
    void aSubqueryCalciteCannotPlanAnyWayIsNotSupportedNotAnInternalError() {
        // found by the million-statement fuzz: an ArrayIndexOutOfBoundsException in all three planning attempts
        update("CREATE TABLE t1 (c0 INT PRIMARY KEY, c1 DATE, c2 BIGINT, c3 DOUBLE)");
        update("CREATE TABLE t2 (c0 INT PRIMARY KEY, c1 INT, c2 BIGINT, c3 DOUBLE, c6 BIGINT)");
        update("INSERT INTO t1 VALUES (1, NULL, 5, 1.5), (2, NULL, -9, -2.0)");
        update("INSERT INTO t2 VALUES (1, 4, -3, 2.5, 1), (2, 9, -8, 1.0, 2)");
        assertFails("HYC00", "WITH w AS (SELECT a.c0, a.c1, a.c3, a.c6 FROM t2 AS a WHERE a.c2 + a.c6 < -a.c2)"
                + " SELECT DISTINCT CASE WHEN CAST(-9.5 AS DOUBLE) IN (SELECT b.c2 FROM t1 AS b"
                + " WHERE w.c0 BETWEEN b.c0 AND w.c1 AND b.c3 NOT BETWEEN CAST(-14.25 AS DOUBLE) AND b.c3)"
                + " THEN w.c3 ELSE w.c3 * w.c0 END, w.c3, w.c6 FROM w ORDER BY 2 ASC, 1 NULLS LAST, 3 ASC")
                .hasMessageContaining("not supported");
    }

    @Test
    void anExpressionCalciteCannotGenerateCodeForIsNotSupported() {
        update("CREATE TABLE t2 (c0 INT PRIMARY KEY, c1 VARCHAR(5))");
        update("INSERT INTO t2 VALUES (1, 'a')");
        assertFails("HYC00", "SELECT SUBSTRING('' FROM -0.01) IS NULL FROM t2 ORDER BY c1");
        assertFails("42000", "SELECT COALESCE() FROM t2").hasMessageContaining("COALESCE needs at least one argument");
    }
}
