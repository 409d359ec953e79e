package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ALTER TABLE ... ALTER COLUMN} in the forms Liquibase (modifyDataType, add/dropNotNullConstraint,
 * add/dropDefaultValue), H2 and PostgreSQL send, each scenario run on LightningDB and on H2: every
 * statement must succeed on both or fail on both with the same SQLState class, and table T must end
 * with the same rows and the same {@code DatabaseMetaData.getColumns} (type, size of text and decimal
 * types, nullability, default).
 *
 * <p>Pseudo-statements: {@code BEGIN} turns auto-commit off, {@code COMMIT} ends the transaction
 * and turns it back on. H2 commits before each DDL statement, so a rolled-back ALTER cannot be
 * compared with it (the SQL layer's AlterColumnTest checks that); nor can a DEFAULT that does not
 * fit its column, which H2 accepts and LightningDB refuses at once as PostgreSQL does (22018).
 */
class AlterColumnTest {
    /**
     * H2's own codes for errors of a standard class: a NULL found by SET NOT NULL (H2 90081,
     * PostgreSQL 23502), an unknown data type (H2 HY004, PostgreSQL 42704), a primary key column made
     * nullable (H2 90023, PostgreSQL 42P16), an unknown function (H2 90022, PostgreSQL 42883).
     */
    private static final String ALL_ROWS = "SELECT * FROM T ORDER BY 1";
    private static final Map<String, String> H2_CLASSES = Map.of("90081", "23", "HY004", "42", "90023", "42", "90022", "42");

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("widen a VARCHAR (Liquibase modifyDataType, PostgreSQL form)",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C VARCHAR(3))", "INSERT INTO T VALUES (1, 'abc'), (2, NULL)",
                        "ALTER TABLE T ALTER COLUMN C SET DATA TYPE VARCHAR(10)", "INSERT INTO T VALUES (3, 'abcdefghij')"),
                scenario("INT to BIGINT, PostgreSQL's TYPE",
                        "CREATE TABLE T (ID INT PRIMARY KEY, N INT)", "INSERT INTO T VALUES (1, 2147483647)",
                        "ALTER TABLE T ALTER COLUMN N TYPE BIGINT", "INSERT INTO T VALUES (2, 9000000000)"),
                scenario("H2's redefinition replaces type, nullability and default",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C VARCHAR(5) DEFAULT 'x' NOT NULL)", "INSERT INTO T VALUES (1, 'a')",
                        "ALTER TABLE T ALTER COLUMN C VARCHAR(20)", "INSERT INTO T VALUES (2, NULL)"),
                scenario("H2's redefinition with DEFAULT and NOT NULL",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C INT)", "INSERT INTO T VALUES (1, 4)",
                        "ALTER TABLE T ALTER COLUMN C BIGINT DEFAULT 9 NOT NULL", "INSERT INTO T (ID) VALUES (2)"),
                scenario("narrowing that does not fit fails and changes nothing",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C VARCHAR(10))", "INSERT INTO T VALUES (1, 'ab'), (2, 'abcdef')",
                        "ALTER TABLE T ALTER COLUMN C SET DATA TYPE VARCHAR(3)", "DELETE FROM T WHERE ID = 2",
                        "ALTER TABLE T ALTER COLUMN C SET DATA TYPE VARCHAR(3)"),
                scenario("text to number converts each value or fails",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C VARCHAR(10))", "INSERT INTO T VALUES (1, '12'), (2, 'abc')",
                        "ALTER TABLE T ALTER COLUMN C SET DATA TYPE INT", "UPDATE T SET C = '-7' WHERE ID = 2",
                        "ALTER TABLE T ALTER COLUMN C SET DATA TYPE INT", "INSERT INTO T VALUES (3, 5)"),
                scenario("a number out of the new range fails",
                        "CREATE TABLE T (ID INT PRIMARY KEY, N INT)", "INSERT INTO T VALUES (1, 1000)",
                        "ALTER TABLE T ALTER COLUMN N SET DATA TYPE TINYINT", "ALTER TABLE T ALTER COLUMN N SET DATA TYPE SMALLINT"),
                scenario("numbers and dates to text and back",
                        "CREATE TABLE T (ID INT PRIMARY KEY, D DECIMAL(6, 2), W DATE)", "INSERT INTO T VALUES (1, 12.5, DATE '2020-01-02')",
                        "ALTER TABLE T ALTER COLUMN D SET DATA TYPE VARCHAR(20)", "ALTER TABLE T ALTER COLUMN W SET DATA TYPE VARCHAR(20)",
                        "ALTER TABLE T ALTER COLUMN W SET DATA TYPE DATE", "ALTER TABLE T ALTER COLUMN D SET DATA TYPE DECIMAL(8, 3)"),
                scenario("SET NOT NULL fails on a NULL, then holds (Liquibase addNotNullConstraint)",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C INT)", "INSERT INTO T VALUES (1, 1), (2, NULL)",
                        "ALTER TABLE T ALTER COLUMN C SET NOT NULL", "UPDATE T SET C = 0 WHERE C IS NULL",
                        "ALTER TABLE T ALTER COLUMN C SET NOT NULL", "INSERT INTO T VALUES (3, NULL)"),
                scenario("DROP NOT NULL (Liquibase dropNotNullConstraint), never on the primary key",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C INT NOT NULL)", "INSERT INTO T VALUES (1, 1)",
                        "ALTER TABLE T ALTER COLUMN C DROP NOT NULL", "INSERT INTO T VALUES (2, NULL)",
                        "ALTER TABLE T ALTER COLUMN ID DROP NOT NULL", "ALTER TABLE T ALTER COLUMN C SET NULL"),
                scenario("SET and DROP DEFAULT (Liquibase add/dropDefaultValue)",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C INT, S VARCHAR(5))", "ALTER TABLE T ALTER COLUMN C SET DEFAULT 7",
                        "ALTER TABLE T ALTER COLUMN S SET DEFAULT 'abc'", "INSERT INTO T (ID) VALUES (1)",
                        "ALTER TABLE T ALTER COLUMN C DROP DEFAULT", "ALTER TABLE T ALTER COLUMN S SET DEFAULT NULL",
                        "INSERT INTO T (ID) VALUES (2)"),
                scenario("garbage: unknown column, unknown type, bad defaults",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C INT)", "ALTER TABLE T ALTER COLUMN NOSUCH SET NOT NULL",
                        "ALTER TABLE T ALTER COLUMN NOSUCH SET DATA TYPE BIGINT", "ALTER TABLE T ALTER COLUMN C SET DATA TYPE NOSUCHTYPE",
                        "ALTER TABLE T ALTER COLUMN C SET DEFAULT 1 +", "ALTER TABLE T ALTER COLUMN C SET DEFAULT NOSUCH(1)",
                        "ALTER TABLE T ALTER COLUMN C SET NOT", "ALTER TABLE T ALTER COLUMN C TYPE", "ALTER TABLE T ALTER COLUMN C SET DEFAULT",
                        "ALTER TABLE T ALTER COLUMN C SET DEFAULT C + 1", "ALTER TABLE NOSUCH ALTER COLUMN C SET NOT NULL"),
                scenario("primary key and unique columns are converted with their keys",
                        "CREATE TABLE T (ID SMALLINT PRIMARY KEY, U VARCHAR(4) UNIQUE)", "INSERT INTO T VALUES (1, '1'), (2, '01')",
                        "ALTER TABLE T ALTER COLUMN ID SET DATA TYPE BIGINT", "ALTER TABLE T ALTER COLUMN U SET DATA TYPE INT",
                        "UPDATE T SET U = '2' WHERE ID = 2", "ALTER TABLE T ALTER COLUMN U SET DATA TYPE INT",
                        "INSERT INTO T VALUES (3, 2)", "INSERT INTO T VALUES (3, 3)"),
                scenario("RENAME TO",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C INT)", "INSERT INTO T VALUES (1, 1)",
                        "ALTER TABLE T ALTER COLUMN C RENAME TO D", "ALTER TABLE T ALTER COLUMN D RENAME TO ID"),
                scenario("ALTER COLUMN after DML in a transaction, committed",
                        "CREATE TABLE T (ID INT PRIMARY KEY, C VARCHAR(5), N INT)", "INSERT INTO T VALUES (1, '1', NULL)", "BEGIN",
                        "UPDATE T SET N = 4", "ALTER TABLE T ALTER COLUMN C SET DATA TYPE BIGINT",
                        "ALTER TABLE T ALTER COLUMN N SET NOT NULL", "INSERT INTO T VALUES (2, 2, 2)", "COMMIT"));
    }

    private static Arguments scenario(String name, String... statements) {
        return Arguments.of(name, List.of(statements));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameOutcomesRowsAndMetadataAsH2(String name, List<String> statements) throws SQLException {
        String db = "alter-" + UUID.randomUUID();
        try (Connection lightning = DriverManager.getConnection("jdbc:lightning:mem:" + db);
             Connection h2 = DriverManager.getConnection("jdbc:h2:mem:" + db)) {
            for (String sql : statements) {
                String expected = run(h2, sql, true);
                assertThat(run(lightning, sql, false)).as(sql).isEqualTo(expected);
            }
            assertThat(Jdbc.rows(lightning, ALL_ROWS)).as("rows").isEqualTo(Jdbc.rows(h2, ALL_ROWS));
            assertThat(columns(lightning)).as("getColumns").isEqualTo(columns(h2));
        }
    }

    /** "ok", or "fails " and the SQLState's class. */
    private static String run(Connection c, String sql, boolean h2) throws SQLException {
        switch (sql) {
            case "BEGIN" -> c.setAutoCommit(false);
            case "COMMIT" -> c.setAutoCommit(true);
            default -> {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    String state = e.getSQLState();
                    return "fails " + (h2 ? H2_CLASSES.getOrDefault(state, state.substring(0, 2)) : state.substring(0, 2));
                }
            }
        }
        return "ok";
    }

    /** Each column of T: name, JDBC type, size (text and decimal types only), nullability, default. */
    private static List<String> columns(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "T", null)) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE") == Types.NUMERIC ? Types.DECIMAL : rs.getInt("DATA_TYPE");
                boolean sized = type == Types.VARCHAR || type == Types.CHAR || type == Types.DECIMAL;
                out.add(rs.getString("COLUMN_NAME") + " " + type + (sized ? "(" + rs.getInt("COLUMN_SIZE") + ")" : "") + " "
                        + rs.getString("IS_NULLABLE") + " default=" + rs.getString("COLUMN_DEF"));
            }
        }
        return out;
    }
}
