package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTest extends SqlTestSupport {
    @BeforeEach
    void createTables() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, dept VARCHAR(10), salary DECIMAL(10,2), "
                + "hired DATE, active BOOLEAN)");
        update("CREATE TABLE dept (code VARCHAR(10) PRIMARY KEY, title VARCHAR(30))");
        update("INSERT INTO dept VALUES ('ENG', 'Engineering'), ('OPS', 'Operations'), ('HR', 'People')");
        update("INSERT INTO emp VALUES (1, 'Ada', 'ENG', 120.50, DATE '2020-01-15', TRUE), "
                + "(2, 'Bo', 'ENG', 99.00, DATE '2021-06-01', TRUE), (3, 'Cy', 'OPS', 80.25, DATE '2019-03-30', FALSE), "
                + "(4, 'Di', NULL, NULL, NULL, NULL), (5, 'Ed', 'OPS', 70.00, DATE '2022-12-31', TRUE)");
    }

    @Test
    void primaryKeyRangesInBothForms() {
        assertThat(rows("SELECT id FROM emp WHERE id > 2 AND id <= 4")).containsExactly(List.of(3), List.of(4));
        assertThat(rows("SELECT id FROM emp WHERE id BETWEEN 2 AND 3")).containsExactly(List.of(2), List.of(3));
        assertThat(rows("SELECT id FROM emp WHERE 4 < id")).containsExactly(List.of(5));
        assertThat(rows("SELECT id FROM emp WHERE id = ?", 3)).containsExactly(List.of(3));
        assertThat(rows("SELECT id FROM emp WHERE id >= ? AND id < ?", 2, 2)).isEmpty();
        assertThat(rows("SELECT id FROM emp WHERE id > 10")).isEmpty();
    }

    @Test
    void explainShowsTheFilterPushedIntoTheScan() {
        List<List<Object>> plan = rows("EXPLAIN SELECT name FROM emp WHERE id = 3");
        assertThat(plan.toString()).contains("LightningTableScan").contains("filters=[[=($0, 3)]]").contains("primary key lookup");
    }

    @Test
    void nullsFollowTheStandard() {
        assertThat(rows("SELECT id FROM emp WHERE dept = NULL")).isEmpty();
        assertThat(rows("SELECT id FROM emp WHERE dept IS NULL")).containsExactly(List.of(4));
        assertThat(single("SELECT COUNT(dept) FROM emp")).isEqualTo(4L);
        assertThat(single("SELECT COUNT(*) FROM emp")).isEqualTo(5L);
        // NULLs sort first ascending, as in H2
        assertThat(rows("SELECT id FROM emp ORDER BY salary, id").get(0)).containsExactly(4);
        assertThat(rows("SELECT id FROM emp ORDER BY salary DESC NULLS FIRST").get(0)).containsExactly(4);
    }

    @Test
    void aggregatesOverEveryTypeIncludingDates() {
        assertThat(rows("SELECT MIN(hired), MAX(hired), SUM(salary), MAX(name) FROM emp"))
                .containsExactly(List.of(LocalDate.of(2019, 3, 30), LocalDate.of(2022, 12, 31), new BigDecimal("369.75"), "Ed"));
        assertThat(rows("SELECT dept, COUNT(*) FROM emp WHERE dept IS NOT NULL GROUP BY dept HAVING COUNT(*) > 1 ORDER BY dept"))
                .containsExactly(List.of("ENG", 2L), List.of("OPS", 2L));
    }

    @Test
    void joinsAndSubqueries() {
        assertThat(rows("SELECT e.name, d.title FROM emp e JOIN dept d ON d.code = e.dept WHERE e.active ORDER BY e.id"))
                .containsExactly(List.of("Ada", "Engineering"), List.of("Bo", "Engineering"), List.of("Ed", "Operations"));
        assertThat(rows("SELECT d.code, COUNT(e.id) FROM dept d LEFT JOIN emp e ON e.dept = d.code GROUP BY d.code ORDER BY d.code"))
                .containsExactly(List.of("ENG", 2L), List.of("HR", 0L), List.of("OPS", 2L));
        assertThat(rows("SELECT name FROM emp WHERE dept IN (SELECT code FROM dept WHERE title LIKE 'Op%') ORDER BY name"))
                .containsExactly(List.of("Cy"), List.of("Ed"));
        assertThat(single("SELECT name FROM emp WHERE salary = (SELECT MAX(salary) FROM emp)")).isEqualTo("Ada");
        assertThat(rows("SELECT code FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept = d.code)"))
                .containsExactly(List.of("HR"));
    }

    @Test
    void limitOffsetAndDistinct() {
        assertThat(rows("SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 1")).containsExactly(List.of(2), List.of(3));
        assertThat(rows("SELECT id FROM emp ORDER BY id OFFSET 3 ROWS FETCH NEXT 1 ROWS ONLY")).containsExactly(List.of(4));
        assertThat(rows("SELECT DISTINCT dept FROM emp WHERE dept IS NOT NULL ORDER BY dept"))
                .containsExactly(List.of("ENG"), List.of("OPS"));
        assertThat(rows("SELECT id FROM emp ORDER BY id LIMIT ?", 1)).containsExactly(List.of(1));
    }

    @Test
    void expressionsCaseCastAndCoalesce() {
        assertThat(single("SELECT CASE WHEN salary > 100 THEN 'high' ELSE 'low' END FROM emp WHERE id = 1")).isEqualTo("high");
        assertThat(single("SELECT COALESCE(dept, 'none') FROM emp WHERE id = 4")).isEqualTo("none");
        assertThat(rows("SELECT CASE WHEN id > 4 THEN 'last' END FROM emp WHERE id >= 4 ORDER BY id"))
                .containsExactly(java.util.Arrays.asList((Object) null), List.of("last"));
        assertThat(single("SELECT CASE id WHEN 1 THEN 'one' END FROM emp WHERE id = 2")).isNull();
        assertThat(single("SELECT CAST('42' AS INTEGER) + 1")).isEqualTo(43);
        assertThat(single("SELECT name || '!' FROM emp WHERE id = 2")).isEqualTo("Bo!");
        assertThat(single("SELECT 7 % 3")).isEqualTo(1);
    }

    @Test
    void everyTypeRoundTrips() {
        update("CREATE TABLE all_types (k BIGINT PRIMARY KEY, b BOOLEAN, t TINYINT, s SMALLINT, i INTEGER, r REAL, d DOUBLE, "
                + "m DECIMAL(20,5), c CHAR(4), v VARCHAR(10), bin VARBINARY(8), dt DATE, tm TIME, ts TIMESTAMP)");
        Object[] row = {Long.MIN_VALUE, true, (byte) -128, (short) 32767, -5, 1.5f, -2.25e100, new BigDecimal("-123456789012345.12345"),
                "ab", "héllo", new byte[] {0, 1, -1}, LocalDate.of(1969, 12, 31), LocalTime.of(23, 59, 58),
                LocalDateTime.of(2001, 2, 3, 4, 5, 6, 789_000_000)};
        update("INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row);
        List<Object> back = rows("SELECT * FROM all_types").get(0);
        assertThat(back.get(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(back.subList(1, 8)).containsExactly(true, (byte) -128, (short) 32767, -5, 1.5f, -2.25e100,
                new BigDecimal("-123456789012345.12345"));
        assertThat(back.get(8)).isEqualTo("ab  "); // CHAR is padded
        assertThat(rows("SELECT k FROM all_types WHERE c = ?", "ab")).hasSize(1);
        assertThat(rows("SELECT k FROM all_types WHERE c = 'ab  '")).hasSize(1);
        assertThat(back.get(9)).isEqualTo("héllo");
        assertThat((byte[]) back.get(10)).containsExactly(0, 1, -1);
        assertThat(back.subList(11, 14)).containsExactly(LocalDate.of(1969, 12, 31), LocalTime.of(23, 59, 58),
                LocalDateTime.of(2001, 2, 3, 4, 5, 6, 789_000_000));
    }

    @Test
    void identifiersFoldToUpperCaseUnlessQuoted() {
        update("CREATE TABLE \"Mixed\" (\"Id\" INT PRIMARY KEY, plain INT)");
        update("INSERT INTO \"Mixed\" VALUES (1, 2)");
        assertThat(rows("SELECT \"Id\", PLAIN, plain FROM \"Mixed\"")).containsExactly(List.of(1, 2, 2));
        assertFails("42S02", "SELECT * FROM mixed");
        assertFails("42S22", "SELECT id FROM \"Mixed\"");
    }

    @Test
    void regressionsFoundByTheDifferentialTest() {
        // GROUP BY must not be dropped as if the grouped column were a key
        assertThat(rows("SELECT dept, COUNT(*) FROM emp GROUP BY dept ORDER BY dept NULLS FIRST"))
                .containsExactly(java.util.Arrays.asList(null, 1L), List.of("ENG", 2L), List.of("OPS", 2L));
        // only a positive integer in ORDER BY is an ordinal; other constants do not change the order
        assertThat(rows("SELECT id FROM emp WHERE id < 3 ORDER BY -7, 2.00, id DESC")).containsExactly(List.of(2), List.of(1));
        assertFails("42000", "SELECT id FROM emp ORDER BY 0").hasMessageContaining("Ordinal out of range");
        // errors while computing constants are SQL errors, also when the plan is run again
        for (int i = 0; i < 2; i++) {
            assertFails("22012", "SELECT 1 / 0");
            assertFails("22007", "SELECT CAST('2020-13-01' AS DATE)");
        }
        // joins on BOOLEAN columns (Calcite's merge join generated code that did not compile)
        update("CREATE TABLE flags (id INT PRIMARY KEY, f BOOLEAN)");
        update("INSERT INTO flags VALUES (1, TRUE), (2, FALSE)");
        assertThat(rows("SELECT e.name, f.id FROM emp e JOIN flags f ON e.active = f.f ORDER BY e.id, f.id"))
                .containsExactly(List.of("Ada", 1), List.of("Bo", 1), List.of("Cy", 2), List.of("Ed", 1));
    }
}
