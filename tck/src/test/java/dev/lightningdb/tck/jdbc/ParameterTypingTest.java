package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code ?} wherever PostgreSQL and H2 take one (inside UPPER, LIKE, ||, COALESCE, CASE, the select
 * list, LIMIT, DML...) works through a PreparedStatement, with H2 as the oracle: the same schema and
 * data in both, the same statement and values, the same rows. Where the context gives no type the
 * parameter is VARCHAR, and ParameterMetaData says so.
 */
class ParameterTypingTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept VARCHAR(20), salary INT, bonus DECIMAL(9,2))",
        "INSERT INTO emp VALUES (1, 'Alice', 'Sales', 100, 10.00), (2, 'bob', 'sales', 200, NULL),"
                + " (3, 'Carol', 'IT', 300, 5.50), (4, 'dave_x', 'it%', 50, NULL)",
    };

    private Connection lightning;
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        lightning = Jdbc.open(Jdbc.freshUrl());
        h2 = DriverManager.getConnection("jdbc:h2:mem:params-" + UUID.randomUUID());
        Jdbc.update(lightning, SCHEMA);
        Jdbc.update(h2, SCHEMA);
    }

    @AfterEach
    void close() throws SQLException {
        lightning.close();
        h2.close();
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                q("SELECT id FROM emp WHERE UPPER(dept) LIKE UPPER(?) ORDER BY id", "%ale%"),
                q("select e1_0.id, e1_0.name from emp e1_0 where upper(e1_0.name) like upper(?) escape '\\' order by e1_0.id", "%A%"),
                q("select e1_0.id from emp e1_0 where upper(e1_0.name) like upper(?) escape '\\' order by e1_0.id", "%\\_%"),
                q("SELECT id FROM emp WHERE UPPER(?) LIKE UPPER(dept) ORDER BY id", "sales"),
                q("SELECT id FROM emp WHERE LOWER(name) NOT LIKE LOWER(?) ORDER BY id", "%a%"),
                q("SELECT id FROM emp WHERE dept LIKE ? ESCAPE ? ORDER BY id", "it!%", "!"),
                q("SELECT id FROM emp WHERE ? LIKE ? ORDER BY id", "abc", "a%"),
                q("SELECT id FROM emp WHERE name = TRIM(?)", "  bob "),
                q("SELECT SUBSTRING(name FROM ? FOR ?) FROM emp ORDER BY id", 2, 3),
                q("SELECT POSITION(? IN name) FROM emp ORDER BY id", "o"),
                q("SELECT CHAR_LENGTH(?), CHAR_LENGTH(name) FROM emp ORDER BY id", "four"),
                q("SELECT name || ? FROM emp ORDER BY id", "!"),
                q("SELECT ? || ? FROM emp WHERE id = 1", "a", "b"),
                q("SELECT CONCAT(name, ?, dept) FROM emp ORDER BY id", "/"),
                q("SELECT UPPER(?), LOWER(?)", "abC", "DeF"),
                q("SELECT COALESCE(?, name) FROM emp ORDER BY id", (Object) null),
                q("SELECT COALESCE(?, name) FROM emp ORDER BY id", "x"),
                q("SELECT COALESCE(bonus, ?) FROM emp ORDER BY id", 7),
                q("SELECT COALESCE(?, 0)", 5),
                q("SELECT COALESCE(?, 0)", (Object) null),
                q("SELECT NULLIF(?, 'x'), NULLIF(?, 'x')", "x", "y"),
                q("SELECT id FROM emp WHERE CASE WHEN ? THEN salary > 150 ELSE salary < 150 END ORDER BY id", true),
                q("SELECT CASE WHEN id = 1 THEN ? ELSE ? END FROM emp ORDER BY id", "one", "other"),
                q("SELECT CASE WHEN id = 1 THEN ? ELSE name END FROM emp ORDER BY id", "one"),
                q("SELECT CASE ? WHEN 'a' THEN 1 ELSE 2 END", "a"),
                q("SELECT id FROM emp WHERE (? IS NULL OR dept = ?) AND (? IS NOT NULL OR salary > 100) ORDER BY id",
                        null, null, null),
                q("SELECT id FROM emp WHERE (? IS NULL OR dept = ?) AND (? IS NOT NULL OR salary > 100) ORDER BY id",
                        "IT", "IT", 1),
                q("SELECT ? IS NULL, ? IS NOT NULL", 5, null),
                q("SELECT CAST(? AS INT) + 1", "41"),
                q("SELECT ? + 1, ? * salary FROM emp ORDER BY id", 41, 2),
                q("SELECT ? = ?, ? = ?", "a", "a", "a", "b"),
                q("SELECT id FROM emp WHERE id IN (?, ?) ORDER BY id", 1, 3),
                q("SELECT id FROM emp WHERE salary BETWEEN ? AND ? ORDER BY id", 100, 200),
                q("SELECT id FROM emp ORDER BY id LIMIT ? OFFSET ?", 2, 1),
                q("SELECT id FROM emp ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", 1, 2),
                q("SELECT ?", "hello"),
                q("SELECT ?, name FROM emp ORDER BY id", "x"),
                q("VALUES (?)", "v"),
                q("SELECT id FROM emp WHERE dept IN (SELECT dept FROM emp WHERE UPPER(name) = UPPER(?)) ORDER BY id", "BOB"),
                q("SELECT (SELECT MAX(salary) FROM emp WHERE dept LIKE ?), ?", "s%", "x"),
                q("SELECT a.id, b.id FROM emp a JOIN emp b ON UPPER(a.dept) = UPPER(b.dept) AND b.name LIKE ? || '%'"
                        + " ORDER BY a.id, b.id", "b"),
                q("SELECT UPPER(dept), COUNT(*) FROM emp GROUP BY UPPER(dept) HAVING MAX(LOWER(name)) LIKE LOWER(?)"
                        + " ORDER BY 1", "%B%"),
                q("SELECT id FROM emp ORDER BY CASE WHEN name LIKE ? THEN 0 ELSE 1 END, id", "%o%"),
                q("SELECT LENGTH(?), LEFT(?, 2), REPLACE(name, ?, ?) FROM emp ORDER BY id", "abc", "xyz", "a", "4"),
                q("SELECT ABS(?), MOD(?, 3)", -5, 7), // H2 does not type ROUND(?, 1)
                q("SELECT UPPER(TRIM(?)), TRIM(BOTH ? FROM name) FROM emp ORDER BY id", " a ", "C"),
                q("SELECT id FROM emp WHERE salary + ? > ? ORDER BY id", 1, 150),
                q("SELECT id FROM emp WHERE ? + 1 = salary", 99),
                q("SELECT id FROM emp WHERE (? + 1) * 2 = salary", 49),
                q("SELECT id FROM emp WHERE CASE WHEN ? THEN 1 ELSE 2 END = 1 ORDER BY id", false),
                q("SELECT id FROM emp WHERE NOT ? ORDER BY id", false),
                q("SELECT id FROM emp WHERE COALESCE(?, salary) = 100", (Object) null),
                q("SELECT GREATEST(?, 1), LEAST(salary, ?) FROM emp ORDER BY id", 5, 150),
                q("SELECT id FROM emp WHERE ? = 'x' OR name IN (?, 'bob') ORDER BY id", "yy", "Alice"),
                q("SELECT id FROM emp WHERE name = ? ORDER BY id", "a name longer than twenty characters"),
                q("SELECT id FROM emp WHERE UPPER(name) LIKE UPPER(?) AND salary > 100 ORDER BY id", "%o%"),
                q("SELECT id FROM emp WHERE salary > 250 AND COALESCE(?, dept) = 'IT'", (Object) null));
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                q("UPDATE emp SET name = UPPER(?) WHERE id = ?", "zed", 2),
                q("UPDATE emp SET name = name || ?, bonus = COALESCE(bonus, ?) WHERE dept LIKE ?", "+", 1, "%s%"),
                q("INSERT INTO emp (id, name) VALUES (?, LOWER(?))", 5, "EVE"),
                q("INSERT INTO emp (id, name, salary) SELECT ?, ?, ?", 6, "Fay", 70),
                q("INSERT INTO emp (id, name, dept) SELECT id + ?, UPPER(?), dept FROM emp WHERE dept = ?", 10, "copy", "IT"),
                q("DELETE FROM emp WHERE ? IS NULL OR UPPER(name) = UPPER(?)", "x", "CAROL"),
                q("DELETE FROM emp WHERE ? IS NULL OR UPPER(name) = UPPER(?)", null, null));
    }

    private static Arguments q(String sql, Object... params) {
        return Arguments.of(sql, params);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("queries")
    void queryGivesWhatH2Gives(String sql, Object[] params) throws SQLException {
        assertThat(query(lightning, sql, params)).as(sql).isEqualTo(query(h2, sql, params));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void writeLeavesWhatH2Leaves(String sql, Object[] params) throws SQLException {
        assertThat(write(lightning, sql, params)).as(sql).isEqualTo(write(h2, sql, params));
        String all = "SELECT * FROM emp ORDER BY id";
        assertThat(query(lightning, all)).as(sql).isEqualTo(query(h2, all));
    }

    @Test
    void parameterMetaDataReportsTheInferredTypeAndVarcharWhereNoneIs() throws SQLException {
        assertTypes("SELECT id FROM emp WHERE UPPER(dept) LIKE UPPER(?)", Types.VARCHAR);
        assertTypes("SELECT id FROM emp WHERE salary > ? AND name || ? = 'x'", Types.INTEGER, Types.VARCHAR);
        assertTypes("SELECT ?, ? IS NULL", Types.VARCHAR, Types.VARCHAR);
        assertTypes("SELECT ? + 1", Types.INTEGER);
        assertTypes("SELECT COALESCE(?, 0)", Types.INTEGER);
        assertTypes("SELECT SUBSTRING(name FROM ? FOR ?) FROM emp", Types.INTEGER, Types.INTEGER);
        assertTypes("UPDATE emp SET name = UPPER(?) WHERE id = ?", Types.VARCHAR, Types.INTEGER);
        assertTypes("INSERT INTO emp (id, name) VALUES (?, LOWER(?))", Types.INTEGER, Types.VARCHAR);
        assertTypes("INSERT INTO emp (id, salary) SELECT ?, ?", Types.INTEGER, Types.INTEGER);
        try (PreparedStatement p = lightning.prepareStatement("SELECT UPPER(?)")) {
            ParameterMetaData md = p.getParameterMetaData();
            assertThat(md.getParameterTypeName(1)).isEqualTo("VARCHAR");
            assertThat(md.getParameterClassName(1)).isEqualTo(String.class.getName());
        }
    }

    @Test
    void functionCallsTakeUncastParameters() throws SQLException {
        try (CallableStatement call = lightning.prepareCall("{? = call MOD(?, 7)}")) {
            call.registerOutParameter(1, Types.INTEGER);
            call.setInt(2, 23);
            call.execute();
            assertThat(call.getInt(1)).isEqualTo(2);
        }
        for (Connection each : List.of(lightning, h2)) {
            try (CallableStatement call = each.prepareCall("{call UPPER(?)}")) {
                call.setString(1, "abc");
                try (ResultSet rs = call.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("ABC");
                }
            }
        }
    }

    @Test
    void textThatIsNotANumberWhereOneIsNeededIsADataErrorAsInH2() {
        for (String sql : List.of("SELECT ? + 1", "SELECT id FROM emp WHERE salary BETWEEN ? AND ?",
                "SELECT SUBSTRING(name FROM ?) FROM emp", "SELECT COALESCE(?, 0)")) {
            Object[] params = copies(sql, "abc");
            assertThatThrownBy(() -> query(h2, sql, params)).as("H2: " + sql)
                    .satisfies(e -> assertThat(Jdbc.state(e)).isEqualTo("22018"));
            assertThatThrownBy(() -> query(lightning, sql, params)).as(sql)
                    .satisfies(e -> assertThat(Jdbc.state(e)).isEqualTo("22018"));
        }
    }

    /** As many copies of {@code value} as {@code sql} has parameters. */
    private static Object[] copies(String sql, Object value) {
        Object[] out = new Object[(int) sql.chars().filter(ch -> ch == '?').count()];
        Arrays.fill(out, value);
        return out;
    }

    private void assertTypes(String sql, int... expected) throws SQLException {
        try (PreparedStatement p = lightning.prepareStatement(sql)) {
            ParameterMetaData md = p.getParameterMetaData();
            int[] actual = new int[md.getParameterCount()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = md.getParameterType(i + 1);
            }
            assertThat(actual).as(sql).containsExactly(expected);
        }
    }

    private static void bind(PreparedStatement p, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
    }

    private static int write(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, params);
            return p.executeUpdate();
        }
    }

    /** Every row, each value normalized: numbers by value (H2 types {@code SELECT ?} by the value bound), the rest as text. */
    private static List<List<String>> query(Connection c, String sql, Object... params) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(normalized(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String normalized(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
