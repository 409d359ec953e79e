package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code CALL}, {@code CallableStatement} and the JDBC escapes, each checked against H2, which has
 * all three: the same text must give the same values on both.
 */
class CallAndEscapesTest {
    private Connection c;
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        c = Jdbc.open(Jdbc.freshUrl());
        h2 = DriverManager.getConnection("jdbc:h2:mem:calls-" + UUID.randomUUID());
        for (Connection each : List.of(c, h2)) {
            update(each, "CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20))",
                    "CREATE TABLE b (id INT PRIMARY KEY, x INT)",
                    "INSERT INTO a VALUES (1, 'a_1'), (2, 'ab'), (3, NULL)",
                    "INSERT INTO b VALUES (1, 10), (3, 30)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        h2.close();
    }

    /** Every row of {@code sql} on {@code conn}, each column as a string. */
    private static List<List<String>> rows(Connection conn, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private void sameAsH2(String sql) throws SQLException {
        assertThat(rows(c, sql)).as(sql).isEqualTo(rows(h2, sql)).isNotEmpty();
    }

    @Test
    void callReturnsOneRowWithTheValue() throws SQLException {
        sameAsH2("CALL 1 + 1");
        sameAsH2("CALL UPPER('a')");
        sameAsH2("call 6 * 7");
        assertThat(rows(c, "CALL CURRENT_DATE")).hasSize(1);
        try (PreparedStatement p = c.prepareStatement("CALL ? * 2")) {
            p.setInt(1, 21);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.next()).isFalse();
            }
        }
        assertThat(rows(c, "SELECT call FROM (SELECT 1 AS call) x")).containsExactly(List.of("1")); // still a name
    }

    @Test
    void functionEscapesGiveWhatH2Gives() throws SQLException {
        sameAsH2("SELECT {fn UCASE(name)}, {fn LCASE('ABC')}, {fn CONCAT(name, '!')}, {fn LENGTH(name)} FROM a "
                + "WHERE name IS NOT NULL ORDER BY id"); // CONCAT with a NULL is the database's choice: ours is ||'s NULL
        sameAsH2("SELECT {fn SUBSTRING('hello', 2, 3)}, {fn LOCATE('l', 'hello')}, {fn IFNULL(name, 'none')} FROM a ORDER BY id");
        sameAsH2("SELECT {fn UCASE({fn CONCAT({fn LCASE('A')}, 'b')})}, {fn ABS(-3)}, {fn MOD(7, 3)}");
        sameAsH2("SELECT {fn YEAR({d '2024-02-29'})}, {fn MONTH({d '2024-02-29'})}, {fn DAYOFMONTH({d '2024-02-29'})}");
        // JDBC's LENGTH leaves out trailing blanks (H2 counts them); CONVERT takes JDBC's type names
        assertThat(rows(c, "SELECT {fn LENGTH('ab  ')}, {fn CONVERT('12', SQL_INTEGER)} + 1")).containsExactly(List.of("2", "13"));
        assertThat(rows(c, "SELECT {fn NOW()}, {fn CURDATE()}, {fn CURTIME()}").get(0)).doesNotContainNull();
    }

    @Test
    void literalJoinLikeAndLimitEscapesGiveWhatH2Gives() throws SQLException {
        sameAsH2("SELECT {d '2024-02-29'}, {t '23:59:58'}");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT {ts '2024-02-29 12:34:56'}")) {
            rs.next();
            assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56));
        }
        sameAsH2("SELECT a.id, b.x FROM {oj a LEFT OUTER JOIN b ON a.id = b.id} ORDER BY a.id");
        sameAsH2("SELECT id FROM a WHERE name LIKE 'a\\_%' {escape '\\'} ORDER BY id");
        sameAsH2("SELECT '{fn x}', \"ID\" AS \"{y}\" FROM a -- {\n ORDER BY 2");
        assertThat(rows(c, "SELECT id FROM a ORDER BY id {limit 1 offset 1}")).containsExactly(List.of("2"));
    }

    @Test
    void escapeProcessingCanBeTurnedOffAndNativeSqlShowsTheRewrite() throws SQLException {
        assertThat(c.nativeSQL("SELECT {fn UCASE(name)} FROM a WHERE d = {d '2024-01-01'}"))
                .isEqualTo("SELECT UPPER(name) FROM a WHERE d = DATE '2024-01-01'");
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            assertThatThrownBy(() -> s.executeQuery("SELECT {fn UCASE('a')}")).satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
            s.setEscapeProcessing(true);
            try (ResultSet rs = s.executeQuery("SELECT {fn UCASE('a')}")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("A");
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT {fn UCASE('a')")).satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
            assertThatThrownBy(() -> s.executeQuery("SELECT {nosuch 1}")).satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
        }
    }

    /** (The CASTs give the {@code ?}s the type Calcite cannot infer for a function's operand yet.) */
    @Test
    void aFunctionsValueComesBackThroughParameterOne() throws SQLException {
        try (CallableStatement call = c.prepareCall("{? = call MOD(CAST(? AS INTEGER), 7)}")) {
            call.registerOutParameter(1, Types.INTEGER);
            call.setInt(2, 23);
            assertThat(call.execute()).isFalse(); // the value went into parameter 1
            assertThat(call.getInt(1)).isEqualTo(2);
            assertThat(call.getString(1)).isEqualTo("2");
            assertThat(call.getObject(1)).isEqualTo(2);
            assertThat(call.wasNull()).isFalse();
            assertThat(call.getResultSet()).isNull();
            call.setInt(2, 30);
            call.executeUpdate();
            assertThat(call.getLong(1)).isEqualTo(2L);
            ParameterMetaData meta = call.getParameterMetaData();
            assertThat(meta.getParameterCount()).isEqualTo(2);
            assertThat(meta.getParameterMode(1)).isEqualTo(ParameterMetaData.parameterModeOut);
            assertThat(meta.getParameterMode(2)).isEqualTo(ParameterMetaData.parameterModeIn);
            assertThatThrownBy(() -> call.setInt(1, 5)).satisfies(e -> assertThat(state(e)).isEqualTo("07009"));
            assertThatThrownBy(() -> call.setInt(3, 5)).satisfies(e -> assertThat(state(e)).isEqualTo("07009"));
            assertThatThrownBy(() -> call.getInt(2)).satisfies(e -> assertThat(state(e)).isEqualTo("07009"));
        }
        try (CallableStatement call = c.prepareCall("{?= call NULLIF(1, 1)}")) {
            call.registerOutParameter(1, Types.INTEGER);
            assertThatThrownBy(() -> call.getInt(1)).satisfies(e -> assertThat(state(e)).isEqualTo("HY010"));
            call.execute();
            assertThat(call.getInt(1)).isZero();
            assertThat(call.wasNull()).isTrue();
            try (ResultSet rs = call.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isNull();
            }
        }
    }

    @Test
    void aCallWithoutReturnParameterReturnsAResultSetAsH2Does() throws SQLException {
        for (Connection each : List.of(c, h2)) {
            try (CallableStatement call = each.prepareCall("{call MOD(CAST(? AS INTEGER), 5)}")) {
                call.setInt(1, 12);
                try (ResultSet rs = call.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as(each.getMetaData().getDatabaseProductName()).isEqualTo(2);
                }
            }
            try (CallableStatement call = each.prepareCall("call 1 + 1")) {
                assertThat(call.execute()).isTrue();
            }
        }
        try (CallableStatement call = c.prepareCall("{call CURRENT_DATE}")) {
            assertThat(call.executeUpdate()).isZero(); // a call counts no rows
        }
        try (CallableStatement select = c.prepareCall("SELECT id FROM a ORDER BY id")) {
            assertThat(select.executeQuery().next()).isTrue(); // any statement runs through prepareCall
        }
    }

    @Test
    void whatACallCannotDoFailsWithATypedErrorAndTheConnectionGoesOn() throws SQLException {
        try (CallableStatement call = c.prepareCall("{call unknown_proc(?)}")) {
            call.setInt(1, 1);
            assertThatThrownBy(call::execute).satisfies(e -> assertThat(state(e)).startsWith("42"));
        }
        try (CallableStatement call = c.prepareCall("{call MOD(?, 5)}")) {
            assertThatThrownBy(() -> call.registerOutParameter(1, Types.INTEGER)).satisfies(e -> assertThat(state(e)).isEqualTo("07009"));
            assertThatThrownBy(() -> call.setInt("x", 1)).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .satisfies(e -> assertThat(state(e)).isEqualTo("HYC00"));
            assertThatThrownBy(() -> call.getString("x")).satisfies(e -> assertThat(state(e)).isEqualTo("HYC00"));
            assertThatThrownBy(() -> call.registerOutParameter("x", Types.INTEGER)).satisfies(e -> assertThat(state(e)).isEqualTo("HYC00"));
        }
        assertThatThrownBy(() -> c.prepareStatement("{? = call MOD(?, 5)}")).satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
        assertThatThrownBy(() -> c.prepareCall("{call MOD(1, 5)")).satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
        assertThatThrownBy(() -> c.prepareCall("CALL")).satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
        assertThat(rows(c, "CALL 1")).containsExactly(List.of("1"));
    }
}
