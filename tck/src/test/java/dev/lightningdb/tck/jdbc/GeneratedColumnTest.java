package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated columns ({@code GENERATED ALWAYS AS (expr)}, H2's {@code AS (expr)}): stored, computed
 * on INSERT and UPDATE, never assigned. Each scenario runs on LightningDB and H2: same outcome (or
 * the same SQLState class) per statement, then the same rows.
 */
class GeneratedColumnTest {
    private static final String ALL_ROWS = "SELECT * FROM T ORDER BY 1";
    /** H2's own code for a generated column assigned (90154); PostgreSQL and LightningDB say 428C9. */
    private static final Map<String, String> H2_CLASSES = Map.of("90154", "42");

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("computed on INSERT and on UPDATE of its base column",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A * 2))",
                        "INSERT INTO T (ID, A) VALUES (1, 2), (2, NULL), (3, -4)", "UPDATE T SET A = A + 10 WHERE ID <> 2",
                        "UPDATE T SET A = 7 WHERE ID = 2"),
                scenario("H2's short form, several generated columns, text and CASE",
                        "CREATE TABLE T (ID INT PRIMARY KEY, FIRST_NAME VARCHAR(10), LAST_NAME VARCHAR(10), "
                                + "FULL_NAME VARCHAR(25) AS (FIRST_NAME || ' ' || LAST_NAME), "
                                + "SIZE_CLASS VARCHAR(5) AS (CASE WHEN CHAR_LENGTH(LAST_NAME) > 4 THEN 'long' ELSE 'short' END))",
                        "INSERT INTO T (ID, FIRST_NAME, LAST_NAME) VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing')",
                        "UPDATE T SET LAST_NAME = 'Byron' WHERE ID = 1"),
                scenario("assigning a generated column fails, in INSERT and UPDATE",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A + 1))",
                        "INSERT INTO T (ID, A, B) VALUES (1, 1, 5)", "INSERT INTO T VALUES (1, 1, 5)", "INSERT INTO T (ID, A) VALUES (1, 1)",
                        "UPDATE T SET B = 3", "UPDATE T SET B = 3 WHERE ID = 1", "UPDATE T SET A = 3 WHERE ID = 1"),
                scenario("a generated value too large for its type is a data error",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B SMALLINT GENERATED ALWAYS AS (A * 1000))",
                        "INSERT INTO T (ID, A) VALUES (1, 5)", "INSERT INTO T (ID, A) VALUES (2, 500)", "UPDATE T SET A = 40 WHERE ID = 1"),
                scenario("NOT NULL and CHECK apply to the generated value",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A - 1) NOT NULL CHECK (B >= 0))",
                        "INSERT INTO T (ID, A) VALUES (1, 1)", "INSERT INTO T (ID, A) VALUES (2, NULL)", "INSERT INTO T (ID, A) VALUES (3, 0)",
                        "UPDATE T SET A = 0"),
                scenario("unique index on a generated column",
                        "CREATE TABLE T (ID INT PRIMARY KEY, EMAIL VARCHAR(30), EMAIL_KEY VARCHAR(30) AS (LOWER(EMAIL)))",
                        "CREATE UNIQUE INDEX T_EMAIL ON T (EMAIL_KEY)", "INSERT INTO T (ID, EMAIL) VALUES (1, 'Ann@x.org')",
                        "INSERT INTO T (ID, EMAIL) VALUES (2, 'ANN@X.ORG')", "INSERT INTO T (ID, EMAIL) VALUES (3, 'bob@x.org')",
                        "UPDATE T SET EMAIL = 'BOB@x.org' WHERE ID = 1"),
                scenario("bad generation expressions",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (NOSUCH + 1))",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A +))",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A + 1))"),
                scenario("ADD COLUMN computes the existing rows; RENAME keeps the expression",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT)", "INSERT INTO T VALUES (1, 10), (2, 20)",
                        "ALTER TABLE T ADD COLUMN B INT GENERATED ALWAYS AS (A + ID)", "ALTER TABLE T ALTER COLUMN A RENAME TO C",
                        "INSERT INTO T (ID, C) VALUES (3, 30)", "UPDATE T SET C = 0 WHERE ID = 1"),
                scenario("INSERT ... SELECT",
                        "CREATE TABLE T (ID INT PRIMARY KEY, A INT, B BIGINT GENERATED ALWAYS AS (A * A))",
                        "INSERT INTO T (ID, A) SELECT X, X + 1 FROM (VALUES (1), (2), (3)) AS V (X)"));
    }

    private static Arguments scenario(String name, String... statements) {
        return Arguments.of(name, List.of(statements));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameOutcomesAndRowsAsH2(String name, List<String> statements) throws SQLException {
        String db = "gen-" + UUID.randomUUID();
        try (Connection lightning = DriverManager.getConnection("jdbc:lightning:mem:" + db);
             Connection h2 = DriverManager.getConnection("jdbc:h2:mem:" + db)) {
            for (String sql : statements) {
                String expected = Jdbc.outcome(h2, sql, H2_CLASSES);
                assertThat(Jdbc.outcome(lightning, sql, Map.of())).as(sql).isEqualTo(expected);
            }
            if (Jdbc.outcome(h2, "SELECT 1 FROM T", Map.of()).equals("ok")) {
                assertThat(Jdbc.rows(lightning, ALL_ROWS)).as("rows").isEqualTo(Jdbc.rows(h2, ALL_ROWS));
            }
        }
    }

    @Test
    void assigningIsSqlState428C9AndNothingIsWritten() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:gen-" + UUID.randomUUID()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A * 2))");
            assertThatThrownBy(() -> s.execute("INSERT INTO T (ID, A, B) VALUES (1, 1, 2)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("428C9"));
            s.execute("INSERT INTO T VALUES (1, 4)"); // without a column list, the generated column is left out
            assertThatThrownBy(() -> s.execute("UPDATE T SET A = 1, B = 2"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("428C9"));
            assertThatThrownBy(() -> s.execute("INSERT INTO T (ID, A) VALUES (1, 5) ON CONFLICT (ID) DO UPDATE SET B = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("428C9"));
            s.execute("INSERT INTO T (ID, A) VALUES (1, 5) ON CONFLICT (ID) DO UPDATE SET A = EXCLUDED.A");
            assertThatThrownBy(() -> s.execute("ALTER TABLE T DROP COLUMN A"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("2BP01"));
            assertThatThrownBy(() -> s.execute("CREATE TABLE U (ID INT PRIMARY KEY, A INT, B INT AS (A + 1), C INT AS (B + 1))"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("42"));
            assertThatThrownBy(() -> s.execute("CREATE TABLE U (ID INT PRIMARY KEY, A INT, B INT AS ((SELECT COUNT(*) FROM T)))"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("42"));
            assertThatThrownBy(() -> s.execute("CREATE TABLE U (ID INT AS (1) PRIMARY KEY, A INT)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYC00"));
            try (ResultSet rs = s.executeQuery("SELECT ID, A, B FROM T")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(1, 5, 10);
            }
        }
    }

    @Test
    void stored_indexed_reportedAndReopened(@TempDir Path dir) throws SQLException {
        String url = "jdbc:lightning:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, A INT, B INT GENERATED ALWAYS AS (A * 2) STORED)");
            s.execute("CREATE INDEX T_B ON T (B)");
            s.execute("INSERT INTO T (ID, A) VALUES (1, 1), (2, 2), (3, 3)");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT ID FROM T WHERE B = 4")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("T_B");
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "T", "%")) {
                StringBuilder generated = new StringBuilder();
                while (rs.next()) {
                    generated.append(rs.getString("COLUMN_NAME")).append('=').append(rs.getString("IS_GENERATEDCOLUMN")).append(' ');
                }
                assertThat(generated.toString().trim()).isEqualTo("ID=NO A=NO B=YES");
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("UPDATE T SET A = 10 WHERE ID = 2");
            try (ResultSet rs = s.executeQuery("SELECT ID FROM T WHERE B = 20")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            assertThatThrownBy(() -> s.execute("UPDATE T SET B = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("428C9"));
        }
    }
}
