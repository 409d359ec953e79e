package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JdbcEscapesTest {
    private static String rewrite(String sql) throws SQLException {
        return JdbcEscapes.toNative(sql);
    }

    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    @Test
    void textWithoutBracesIsReturnedAsItIs() throws SQLException {
        String sql = "SELECT 'a' || \"b\" FROM t -- x\n/* y */ WHERE c = ?";
        assertThat(rewrite(sql)).isSameAs(sql);
    }

    @Test
    void scalarFunctionsBecomeOurs() throws SQLException {
        assertThat(rewrite("SELECT {fn UCASE(name)} FROM t")).isEqualTo("SELECT UPPER(name) FROM t");
        assertThat(rewrite("SELECT {fn lcase(?)}")).isEqualTo("SELECT LOWER(?)");
        assertThat(rewrite("{fn concat(a, 'x,y')}")).isEqualTo("(a || 'x,y')");
        assertThat(rewrite("{fn length(a)}")).isEqualTo("CHAR_LENGTH(TRIM(TRAILING FROM a))");
        assertThat(rewrite("{fn substring(s, 2, 3)}")).isEqualTo("SUBSTRING(s FROM 2 FOR 3)");
        assertThat(rewrite("{fn substring(s, f(1, 2))}")).isEqualTo("SUBSTRING(s FROM f(1, 2))");
        assertThat(rewrite("{fn locate('b', s)}")).isEqualTo("POSITION('b' IN s)");
        assertThat(rewrite("{fn ifnull(?, ?)}")).isEqualTo("COALESCE(?, ?)");
        assertThat(rewrite("{fn now()} {fn curdate()} {fn curtime()}")).isEqualTo("CURRENT_TIMESTAMP CURRENT_DATE CURRENT_TIME");
        assertThat(rewrite("{fn log(x)} {fn ceiling(x)}")).isEqualTo("LN(x) CEIL(x)");
        assertThat(rewrite("{fn dayofmonth(d)} {fn year(d)} {fn dayofweek(d)}"))
                .isEqualTo("EXTRACT(DAY FROM d) EXTRACT(YEAR FROM d) EXTRACT(DOW FROM d)");
        assertThat(rewrite("{fn convert(x, SQL_VARCHAR)} {fn convert(x, bit)}")).isEqualTo("CAST(x AS VARCHAR) CAST(x AS BOOLEAN)");
        assertThat(rewrite("{fn abs(-1)} {fn pi()}")).isEqualTo("abs(-1) pi()"); // same name in our SQL: as written
    }

    @Test
    void literalsJoinsEscapesLimitsAndCalls() throws SQLException {
        assertThat(rewrite("WHERE d = {d '2024-02-29'} AND t < {t '23:59:00'} OR ts = {ts '2024-02-29 12:00:00.5'}"))
                .isEqualTo("WHERE d = DATE '2024-02-29' AND t < TIME '23:59:00' OR ts = TIMESTAMP '2024-02-29 12:00:00.5'");
        assertThat(rewrite("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id}"))
                .isEqualTo("SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id");
        assertThat(rewrite("WHERE n LIKE 'a\\_%' {escape '\\'}")).isEqualTo("WHERE n LIKE 'a\\_%' ESCAPE '\\'");
        assertThat(rewrite("SELECT a FROM t ORDER BY a {limit 10 offset ?}")).isEqualTo("SELECT a FROM t ORDER BY a LIMIT 10 offset ?");
        assertThat(rewrite("{call f(?, 1)}")).isEqualTo("CALL f(?, 1)");
        assertThat(rewrite("{ CALL f }")).isEqualTo("CALL f");
        assertThat(JdbcEscapes.toNativeCall(" {? = call f(?)} ;")).isEqualTo(new JdbcEscapes.NativeCall(" CALL f(?) ;", true));
        assertThat(JdbcEscapes.toNativeCall("{?=CALL f}")).isEqualTo(new JdbcEscapes.NativeCall("CALL f", true));
        assertThat(JdbcEscapes.toNativeCall("{call f}")).isEqualTo(new JdbcEscapes.NativeCall("CALL f", false));
    }

    @Test
    void escapesNestAndWordsStayApart() throws SQLException {
        assertThat(rewrite("SELECT {fn ucase({fn concat({fn lcase('A')}, 'b')})}")).isEqualTo("SELECT UPPER((LOWER('A') || 'b'))");
        assertThat(rewrite("SELECT x FROM{oj a LEFT JOIN b ON a.k = b.k}WHERE 1 = 1"))
                .isEqualTo("SELECT x FROM a LEFT JOIN b ON a.k = b.k WHERE 1 = 1");
    }

    @Test
    void bracesInLiteralsIdentifiersAndCommentsAreLeftAlone() throws SQLException {
        String sql = "SELECT '{fn x}', 'it''s {', \"{a}\", \"q\"\"{\" -- {oops\n/* } { */ FROM t WHERE {fn ucase('}')} = 'x'";
        assertThat(rewrite(sql)).isEqualTo(
                "SELECT '{fn x}', 'it''s {', \"{a}\", \"q\"\"{\" -- {oops\n/* } { */ FROM t WHERE UPPER('}') = 'x'");
        assertThat(rewrite("SELECT '{' -- no newline at the end {")).isEqualTo("SELECT '{' -- no newline at the end {");
    }

    @Test
    void malformedEscapesAreSyntaxErrors() {
        for (String bad : new String[] {
                "SELECT {fn ucase('a')", "SELECT 1}", "{", "}", "{}", "{ }", "{fn}", "{fn (1)}", "{fn ucase(a}", "{fn ucase(a) b}",
                "{fn ucase(a, b)}", "{fn now(1)}", "{fn concat(a)}", "{d}", "{d 2024-01-01}", "{d '2024' '01'}", "{ts}",
                "{t '1' x}", "{oj}", "{escape}", "{limit}", "{call}", "{nosuch 1}", "{? call f}", "{? = f()}", "{?}",
                "{fn ucase('a'}", "{fn ucase(\"a)}", "SELECT {fn x(1) -- }", "SELECT {d '2024-01-01' /* } */"}) {
            assertThatThrownBy(() -> rewrite(bad)).as(bad).isInstanceOf(SQLSyntaxErrorException.class)
                    .satisfies(e -> assertThat(state(e)).isEqualTo("42000"));
        }
    }

    @Test
    void aValueCallMustBeTheWholeStatementAndOnlyThroughPrepareCall() {
        assertThatThrownBy(() -> rewrite("{? = call f(?)}")).hasMessageContaining("prepareCall");
        assertThatThrownBy(() -> JdbcEscapes.toNativeCall("SELECT {? = call f()}")).hasMessageContaining("whole statement");
        assertThatThrownBy(() -> JdbcEscapes.toNativeCall("{? = call f()} x")).hasMessageContaining("whole statement");
        assertThatThrownBy(() -> JdbcEscapes.toNativeCall("{fn ucase({? = call f()})}")).hasMessageContaining("whole statement");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "{fn f(".repeat(10_000) + ")}".repeat(10_000);
        assertThatThrownBy(() -> rewrite(deep)).satisfies(e -> assertThat(state(e)).isEqualTo("54001"));
        assertThatThrownBy(() -> rewrite("{".repeat(100_000))).isInstanceOf(SQLException.class);
    }

    /** Random texts made of the pieces escapes are made of: a typed SQLException or a statement, never anything else. */
    @Test
    void garbageGivesATypedErrorOrAStatementAndNeverCrashes() throws SQLException {
        String[] pieces = {"{", "}", "{fn ", "{d ", "{t ", "{ts ", "{oj ", "{escape ", "{limit ", "{call ", "{? = call ", "?", "=",
                "'", "''", "\"", "--", "\n", "/*", "*/", "(", ")", ",", " ", "ucase", "concat", "locate", "now", "substring",
                "'2024-01-01'", "a", "1", "SELECT ", "FROM ", "t", "LEFT JOIN ", "ON ", "\\", "é", "\u0000"};
        SplittableRandom random = new SplittableRandom(21);
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:escape-garbage")) {
            c.createStatement().execute("CREATE TABLE t (a INT PRIMARY KEY)");
            for (int i = 0; i < 3_000; i++) {
                StringBuilder sql = new StringBuilder();
                for (int n = random.nextInt(1, 16); n > 0; n--) {
                    sql.append(pieces[random.nextInt(pieces.length)]);
                }
                String text = sql.toString();
                try {
                    String rewritten = c.nativeSQL(text);
                    assertThat(rewritten).isNotNull();
                    c.prepareStatement(text).close();
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).as(text).isNotNull().doesNotStartWith("XX").isNotEqualTo("0A000");
                }
            }
        }
    }
}
