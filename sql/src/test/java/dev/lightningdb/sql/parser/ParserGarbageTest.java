package dev.lightningdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.result.SqlError;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever text arrives, the parser answers with a statement or a positioned SqlError (42000/22007). */
class ParserGarbageTest {
    private static final long SEED = Long.getLong("lightning.seed", System.nanoTime());
    private static final List<String> VALID = List.of(
            "CREATE TABLE t (id INT, name VARCHAR(20) NOT NULL DEFAULT 'x', PRIMARY KEY (id))",
            "SELECT a.id, COUNT(*) FROM t a LEFT JOIN u b ON a.id = b.id WHERE a.x BETWEEN 1 AND ? GROUP BY a.id HAVING COUNT(*) > 1 ORDER BY 1 DESC NULLS LAST LIMIT 10 OFFSET 2",
            "INSERT INTO t (a, b) VALUES (1, 'it''s'), (-2.5e3, X'0aFF')",
            "UPDATE t SET a = a + 1, b = CASE WHEN c IS NULL THEN 0 ELSE 1 END WHERE d IN (1, 2, 3)",
            "DELETE FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.id = t.id)",
            "SELECT CAST(x AS DECIMAL(10,2)), DATE '2020-01-01', \"Quoted\"\"Name\" FROM t -- comment",
            "EXPLAIN SELECT * FROM t /* block */ WHERE id = 1",
            "DROP TABLE IF EXISTS t;");
    private static final String[] TOKENS = {"SELECT", "FROM", "WHERE", "(", ")", ",", "'", "\"", "?", "*", "=", "<>", "AND",
            "OR", "NOT", "NULL", "1", "2.5", "1e9", "x", "t", "INSERT", "INTO", "VALUES", "CREATE", "TABLE", "INT", "PRIMARY",
            "KEY", ";", "--", "/*", "*/", "CASE", "WHEN", "END", "DATE", "'2020-13-45'", "\u0000", "é", "||", "%", ".", "LIMIT"};

    @Test
    void validStatementsParse() {
        for (String sql : VALID) {
            Statement s = SqlParser.parse(sql);
            assertThat(s).isNotNull();
        }
        assertThat(SqlParser.parseScript(String.join("\n;\n", VALID))).hasSize(VALID.size());
    }

    @Test
    void randomTokenSoupAndMutationsNeverThrowAnythingButSqlError() {
        Random r = new Random(SEED);
        for (int i = 0; i < 30_000; i++) {
            String sql = r.nextBoolean() ? soup(r) : mutate(VALID.get(r.nextInt(VALID.size())), r);
            try {
                SqlParser.parse(sql);
            } catch (SqlError e) {
                assertThat(e.sqlState()).as("seed %d: %s", SEED, sql).isIn("42000", "22007", "54001");
                assertThat(e.getMessage()).as("seed %d: %s", SEED, sql).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + ": parser threw " + e + " for: " + sql, e);
            }
        }
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT *\n  FROM t\n WHERE")).isInstanceOf(SqlError.class)
                .hasMessageContaining("line 3").hasMessageContaining("end of input");
        assertThatThrownBy(() -> SqlParser.parse("")).isInstanceOf(SqlError.class).hasMessageContaining("line 1, column 1");
        assertThatThrownBy(() -> SqlParser.parse(null)).isInstanceOf(SqlError.class);
        assertThatThrownBy(() -> SqlParser.parse("SELECT 'unterminated")).isInstanceOf(SqlError.class);
        assertThatThrownBy(() -> SqlParser.parse("SELECT DATE '2020-02-30'")).isInstanceOf(SqlError.class)
                .hasFieldOrPropertyWithValue("sqlState", "22007");
    }

    @Test
    void deeplyNestedInputFailsCleanly() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000)))
                .isInstanceOf(SqlError.class).hasFieldOrPropertyWithValue("sqlState", "54001")
                .hasMessageContaining("column " + (8 + SqlParser.MAX_NESTING));
        int deepest = SqlParser.MAX_NESTING;
        assertThat(SqlParser.parse("SELECT " + "(".repeat(deepest) + "1" + ")".repeat(deepest))).isNotNull();
        // the fuzz test's hang: 150 parentheses around a chain of NOTs took the parser 10 s
        assertThatThrownBy(() -> SqlParser.parse("SELECT " + "(".repeat(150) + "NOT ".repeat(60) + "TRUE" + ")".repeat(150)))
                .isInstanceOf(SqlError.class).hasFieldOrPropertyWithValue("sqlState", "54001");
        assertThat(SqlParser.parse("SELECT " + "(".repeat(deepest) + "NOT ".repeat(60) + "TRUE" + ")".repeat(deepest))).isNotNull();
        String longChain = "SELECT 1" + " + 1".repeat(20_000);
        try {
            SqlParser.parse(longChain);
        } catch (SqlError e) {
            assertThat(e.sqlState()).isEqualTo("54001");
        }
    }

    private static String soup(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(15);
        for (int i = 0; i < n; i++) {
            sb.append(TOKENS[r.nextInt(TOKENS.length)]).append(r.nextInt(4) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static String mutate(String sql, Random r) {
        StringBuilder sb = new StringBuilder(sql);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                default -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
            }
        }
        return sb.toString();
    }
}
