package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import dev.lightningdb.sql.result.SqlError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code ?} is typed from its context where there is one and is VARCHAR where there is none
 * (inside UPPER, LIKE, ||, COALESCE, CASE, the select list...), as in PostgreSQL and H2; a value of
 * another type bound to it still works where its text makes sense.
 */
class ParameterTypingTest extends SqlTestSupport {
    @BeforeEach
    void data() {
        update("CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept VARCHAR(20), salary INT, bonus DECIMAL(9,2))");
        update("INSERT INTO emp VALUES (1, 'Alice', 'Sales', 100, 10.00), (2, 'bob', 'sales', 200, NULL),"
                + " (3, 'Carol', 'IT', 300, 5.50), (4, 'dave_x', 'it%', 50, NULL)");
    }

    private List<Kind> kinds(String sql) {
        return session.prepare(sql).parameterTypes().stream().map(ColumnType::kind).toList();
    }

    private List<Object> ids(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void ignoreCaseLikeAsSpringDataSendsIt() {
        assertThat(ids("SELECT id FROM emp WHERE UPPER(dept) LIKE UPPER(?) ORDER BY id", "%ale%")).containsExactly(1, 2);
        String hibernate = "select e1_0.id from emp e1_0 where upper(e1_0.name) like upper(?) escape '\\' order by e1_0.id";
        assertThat(ids(hibernate, "%A%")).containsExactly(1, 3, 4);
        assertThat(ids(hibernate, "%\\_%")).containsExactly(4);
        assertThat(ids("SELECT id FROM emp WHERE UPPER(?) LIKE UPPER(dept) ORDER BY id", "sales")).containsExactly(1, 2);
        assertThat(ids("SELECT id FROM emp WHERE LOWER(name) NOT LIKE LOWER(?) ORDER BY id", "%a%")).containsExactly(2);
        assertThat(ids("SELECT id FROM emp WHERE dept LIKE ? ESCAPE ? ORDER BY id", "it!%", "!")).containsExactly(4);
        assertThat(kinds("SELECT id FROM emp WHERE UPPER(dept) LIKE UPPER(?)")).containsExactly(Kind.VARCHAR);
    }

    @Test
    void stringFunctions() {
        assertThat(ids("SELECT id FROM emp WHERE name = TRIM(?)", "  bob ")).containsExactly(2);
        assertThat(single("SELECT SUBSTRING(name FROM ? FOR ?) FROM emp WHERE id = 1", 2, 3)).isEqualTo("lic");
        assertThat(single("SELECT POSITION(? IN name) FROM emp WHERE id = 3", "rol")).isEqualTo(3);
        assertThat(single("SELECT CHAR_LENGTH(?) FROM emp WHERE id = 1", "four")).isEqualTo(4);
        assertThat(single("SELECT name || ? FROM emp WHERE id = 2", "!")).isEqualTo("bob!");
        assertThat(single("SELECT ? || ? FROM emp WHERE id = 2", "a", "b")).isEqualTo("ab");
        assertThat(single("SELECT CONCAT(name, ?, dept) FROM emp WHERE id = 2", "/")).isEqualTo("bob/sales");
        assertThat(single("SELECT LOWER(?)", "ABC")).isEqualTo("abc");
        assertThat(kinds("SELECT SUBSTRING(name FROM ? FOR ?) FROM emp")).containsExactly(Kind.INTEGER, Kind.INTEGER);
    }

    @Test
    void conditionalExpressions() {
        assertThat(single("SELECT COALESCE(?, name) FROM emp WHERE id = 1", (Object) null)).isEqualTo("Alice");
        assertThat(single("SELECT COALESCE(?, name) FROM emp WHERE id = 1", "x")).isEqualTo("x");
        assertThat(single("SELECT COALESCE(bonus, ?) FROM emp WHERE id = 2", 7)).isEqualTo(new BigDecimal("7.00"));
        assertThat(((Number) single("SELECT COALESCE(?, 0)", 5)).intValue()).isEqualTo(5);
        assertThat(kinds("SELECT COALESCE(?, 0)")).containsExactly(Kind.INTEGER);
        assertThat(single("SELECT NULLIF(?, 'x')", "x")).isNull();
        assertThat(single("SELECT NULLIF(?, 'x')", "y")).isEqualTo("y");
        assertThat(ids("SELECT id FROM emp WHERE CASE WHEN ? THEN salary > 150 ELSE salary < 150 END ORDER BY id", true))
                .containsExactly(2, 3);
        assertThat(ids("SELECT CASE WHEN id = 1 THEN ? ELSE ? END FROM emp ORDER BY id", "one", "other"))
                .containsExactly("one", "other", "other", "other");
        assertThat(ids("SELECT CASE WHEN id = 1 THEN ? ELSE name END FROM emp ORDER BY id", "one"))
                .containsExactly("one", "bob", "Carol", "dave_x");
        assertThat(ids("SELECT CASE ? WHEN 'a' THEN 1 ELSE 2 END", "a")).containsExactly(1);
    }

    @Test
    void optionalFilterPattern() {
        String sql = "SELECT id FROM emp WHERE (? IS NULL OR dept = ?) AND (? IS NOT NULL OR salary > 100) ORDER BY id";
        assertThat(ids(sql, null, null, null)).containsExactly(2, 3);
        assertThat(ids(sql, "IT", "IT", 1)).containsExactly(3);
        assertThat(single("SELECT ? IS NULL", 5)).isEqualTo(false);
        assertThat(single("SELECT ? IS NOT NULL", (Object) null)).isEqualTo(false);
    }

    @Test
    void contextTypesParameters() {
        assertThat(single("SELECT CAST(? AS INT) + 1", "41")).isEqualTo(42);
        assertThat(single("SELECT ? + 1", 41)).isEqualTo(42);
        assertThat(kinds("SELECT ? + 1")).containsExactly(Kind.INTEGER);
        assertThat(single("SELECT ? = ?", "a", "a")).isEqualTo(true);
        assertThat(ids("SELECT id FROM emp WHERE id IN (?, ?) ORDER BY id", 1, 3)).containsExactly(1, 3);
        assertThat(ids("SELECT id FROM emp WHERE salary BETWEEN ? AND ? ORDER BY id", 100, 200)).containsExactly(1, 2);
        assertThat(kinds("SELECT id FROM emp WHERE salary BETWEEN ? AND ?")).containsExactly(Kind.INTEGER, Kind.INTEGER);
        assertThat(ids("SELECT id FROM emp ORDER BY id LIMIT ? OFFSET ?", 2, 1)).containsExactly(2, 3);
    }

    @Test
    void expressionsTypedBeforeTheirContextAsks() {
        // Calcite derives these operands' types before its walk reaches their parameters
        assertThat(ids("SELECT id FROM emp WHERE salary + ? > ? ORDER BY id", 1, 150)).containsExactly(2, 3);
        assertThat(kinds("SELECT id FROM emp WHERE salary + ? > ?")).containsExactly(Kind.INTEGER, Kind.INTEGER);
        assertThat(ids("SELECT id FROM emp WHERE (? + 1) * 2 = salary", 49)).containsExactly(1);
        assertThat(ids("SELECT id FROM emp WHERE CASE WHEN ? THEN 1 ELSE 2 END = 1 ORDER BY id", false)).isEmpty();
        assertThat(ids("SELECT id FROM emp ORDER BY CASE WHEN name LIKE ? THEN 0 ELSE 1 END, id", "%o%"))
                .containsExactly(2, 3, 1, 4);
        assertThat(single("SELECT GREATEST(?, 1)", 5)).isEqualTo(5);
        assertThat(kinds("SELECT ROUND(?, 1), NOT ?")).containsExactly(Kind.DOUBLE, Kind.BOOLEAN);
        assertThat(ids("SELECT id FROM emp WHERE name = ?", "a name longer than twenty characters")).isEmpty();
        assertThat(single("SELECT ? = 'x'", "yy")).isEqualTo(false);
    }

    @Test
    void selectListAndValues() {
        assertThat(single("SELECT ?", "hello")).isEqualTo("hello");
        assertThat(single("SELECT ?", 5)).isEqualTo("5");
        assertThat(kinds("SELECT ?")).containsExactly(Kind.VARCHAR);
        assertThat(single("VALUES (?)", "v")).isEqualTo("v");
        assertThat(rows("SELECT ?, name FROM emp WHERE id = 2", "x")).containsExactly(List.of("x", "bob"));
    }

    @Test
    void dmlWithUntypedParameters() {
        assertThat(update("UPDATE emp SET name = UPPER(?) WHERE id = ?", "zed", 2)).isEqualTo(1);
        assertThat(single("SELECT name FROM emp WHERE id = 2")).isEqualTo("ZED");
        assertThat(update("INSERT INTO emp (id, name) VALUES (?, LOWER(?))", 5, "EVE")).isEqualTo(1);
        assertThat(single("SELECT name FROM emp WHERE id = 5")).isEqualTo("eve");
        assertThat(update("INSERT INTO emp (id, name, salary) SELECT ?, ?, ?", 6, "Fay", 70)).isEqualTo(1);
        assertThat(rows("SELECT name, salary FROM emp WHERE id = 6")).containsExactly(List.of("Fay", 70));
        assertThat(update("DELETE FROM emp WHERE ? IS NULL OR UPPER(name) = UPPER(?)", "x", "fay")).isEqualTo(1);
        assertThat(kinds("UPDATE emp SET name = UPPER(?) WHERE id = ?")).containsExactly(Kind.VARCHAR, Kind.INTEGER);
        assertThat(kinds("INSERT INTO emp (id, name) VALUES (?, LOWER(?))")).containsExactly(Kind.INTEGER, Kind.VARCHAR);
    }

    @Test
    void aValueThatIsNotANumberWhereOneIsNeededIsATypedError() {
        assertFails(SqlError.INVALID_CAST, "SELECT ? + 1", "abc");
        assertFails(SqlError.INVALID_CAST, "SELECT id FROM emp WHERE salary BETWEEN ? AND ?", "x", "y");
        assertFails(SqlError.INVALID_CAST, "SELECT SUBSTRING(name FROM ?) FROM emp", "two");
    }

    @Test
    void userParametersAndLiftedLiteralsShareAQuery() {
        assertThat(ids("SELECT id FROM emp WHERE UPPER(name) LIKE UPPER(?) AND salary > 100 ORDER BY id", "%o%"))
                .containsExactly(2, 3);
        assertThat(ids("SELECT id FROM emp WHERE UPPER(name) LIKE UPPER(?) AND salary > 250 ORDER BY id", "%o%"))
                .containsExactly(3);
        assertThat(ids("SELECT id FROM emp WHERE salary > 250 AND COALESCE(?, dept) = 'IT'", (Object) null)).containsExactly(3);
        // the literal 100 was lifted into a parameter of the column's type, beside the user's VARCHAR one
        StatementCache.LiftedPlan shared = db.statements().liftedPlan("PUBLIC",
                "SELECT id FROM emp WHERE UPPER(name) LIKE UPPER(?) AND salary > ? ORDER BY id", session.catalog().version());
        assertThat(shared).isNotNull();
        assertThat(shared.plan().parameterTypes()).extracting(ColumnType::kind).containsExactly(Kind.VARCHAR, Kind.INTEGER);
    }
}
