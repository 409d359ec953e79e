package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks valid statements in the ways a parser and planner must survive: tokens and characters
 * deleted, inserted, replaced and swapped, statements cut short or spliced together, huge literals
 * and names, deep (but bounded) nesting, control, NUL and unpaired-surrogate characters, and plain
 * token soup.
 */
final class StatementMutator {
    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^']++|'')*+'|\"(?:[^\"]++|\"\")*+\"|[A-Za-z_][A-Za-z0-9_$]*+|\\d++(?:\\.\\d*+)?(?:[eE][+-]?\\d++)?|<=|>=|<>|!=|\\|\\||\\s++|.",
            Pattern.DOTALL);
    private static final String[] KEYWORDS = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL", "IS", "IN", "EXISTS",
        "BETWEEN", "LIKE", "ESCAPE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "JOIN", "LEFT", "RIGHT", "FULL",
        "INNER", "OUTER", "CROSS", "ON", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "NULLS", "FIRST", "LAST", "LIMIT",
        "OFFSET", "FETCH", "NEXT", "ROWS", "ONLY", "DISTINCT", "ALL", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE",
        "CREATE", "TABLE", "DROP", "IF", "PRIMARY", "KEY", "DEFAULT", "EXPLAIN", "PLAN", "FOR", "CHECKPOINT", "VERIFY",
        "INTEGRITY", "UNION", "INTERSECT", "EXCEPT", "WITH", "MERGE", "ALTER", "INDEX", "SEQUENCE", "TRUNCATE", "ANALYZE",
        "PUT", "GET", "SCAN", "REVERSE", "COUNT", "SUM", "MIN", "MAX", "AVG", "COALESCE", "NULLIF", "TRUE", "FALSE",
        "INTEGER", "BIGINT", "VARCHAR", "DECIMAL", "DOUBLE", "BOOLEAN", "DATE", "TIME", "TIMESTAMP", "CHAR", "BINARY",
        "CURRENT_DATE", "CURRENT_TIMESTAMP", "ROW", "OVER", "PARTITION", "LATERAL", "UNNEST", "TABLESAMPLE", "MATCH_RECOGNIZE"};
    private static final String[] SYMBOLS = {"(", ")", ",", ".", ";", "*", "+", "-", "/", "%", "=", "<>", "<", ">", "<=", ">=",
        "||", "?", "'", "\"", "--", "/*", "*/", "!", "@", "#", "$", "[", "]", "{", "}", "`", "\\", ":", "::"};
    private static final String[] LITERALS = {"0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "1e308", "1e309", "-0.0", "0.000000000000000000001", ".5", "5.", "1e", "''", "'a'", "'x''y'",
        "'\u0000'", "X'00ff'", "X'0'", "DATE '2020-02-30'", "DATE 'x'", "TIME '25:00:00'", "TIMESTAMP '2020-01-01 00:00:00'",
        "DATE '0000-01-01'", "DATE '9999-12-31'", "NULL", "TRUE"};
    private static final char[] ODD_CHARS = {'\u0000', '\u0001', '\t', '\n', '\r', '\'', '"', '(', ')', ';', '-', '/', '*',
        '\\', '\u00e9', '\u65e5', '\uD800', '\uDC00', '\uFFFF', '\uFEFF', '\u202E', '\u2028', '\u00A0', '?', '%', '_', '`'};

    private final Random random;
    private final List<String> names;

    /** {@code names}: table, column and alias names worth inserting. */
    StatementMutator(Random random, List<String> names) {
        this.random = random;
        this.names = names;
    }

    static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** One to three mutations of {@code sql}; {@code other} is a second statement for splicing. */
    String mutate(String sql, String other) {
        String s = sql;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = mutateOnce(s, other);
        }
        return s;
    }

    private String mutateOnce(String sql, String other) {
        List<String> t = tokens(sql);
        if (t.isEmpty()) {
            return randomToken();
        }
        int i = random.nextInt(t.size());
        switch (random.nextInt(16)) {
            case 0, 1 -> t.remove(i);
            case 2, 3 -> t.add(i, " " + randomToken() + " ");
            case 4, 5 -> t.set(i, randomToken());
            case 6 -> t.add(i, t.get(random.nextInt(t.size())));
            case 7 -> {
                int j = random.nextInt(t.size());
                String x = t.get(i);
                t.set(i, t.get(j));
                t.set(j, x);
            }
            case 8 -> {
                return characterEdit(sql);
            }
            case 9 -> {
                return sql.substring(0, random.nextInt(sql.length() + 1));
            }
            case 10 -> {
                List<String> o = tokens(other);
                int cut = o.isEmpty() ? 0 : random.nextInt(o.size());
                return String.join("", t.subList(0, i)) + String.join("", o.subList(cut, o.size()));
            }
            case 11 -> t.set(i, huge(t.get(i)));
            case 12 -> t.set(i, nest(t.get(i)));
            case 13 -> {
                return characterEdit(characterEdit(sql));
            }
            case 14 -> t.set(i, names.isEmpty() ? randomToken() : names.get(random.nextInt(names.size())));
            default -> t.add(i, random.nextBoolean() ? " /* " + randomToken() + " */ " : " -- x\n");
        }
        return String.join("", t);
    }

    /** A statement of random tokens. */
    String tokenSoup() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(randomToken()).append(random.nextInt(5) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private String randomToken() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> KEYWORDS[random.nextInt(KEYWORDS.length)];
            case 2 -> SYMBOLS[random.nextInt(SYMBOLS.length)];
            case 3 -> LITERALS[random.nextInt(LITERALS.length)];
            default -> names.isEmpty() ? "X" : names.get(random.nextInt(names.size()));
        };
    }

    private String characterEdit(String sql) {
        StringBuilder sb = new StringBuilder(sql);
        int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
        char c = random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : ODD_CHARS[random.nextInt(ODD_CHARS.length)];
        switch (random.nextInt(3)) {
            case 0 -> {
                if (sb.length() > 0) {
                    sb.deleteCharAt(at);
                }
            }
            case 1 -> sb.insert(at, c);
            default -> {
                if (sb.length() > 0) {
                    sb.setCharAt(at, c);
                }
            }
        }
        return sb.toString();
    }

    /** A very long version of a token: digits, string content or identifier characters. */
    private String huge(String token) {
        int n = 200 + random.nextInt(random.nextInt(10) == 0 ? 100_000 : 5_000);
        return switch (random.nextInt(4)) {
            case 0 -> "9".repeat(n);
            case 1 -> "'" + "x".repeat(n) + "'";
            case 2 -> "C" + "1".repeat(n);
            default -> "1." + "5".repeat(n) + "E" + (random.nextBoolean() ? "-" : "") + n;
        };
    }

    /** {@code token} under deep but bounded nesting: parentheses, NOT chains, unary minus, CASE or subqueries. */
    private String nest(String token) {
        int depth = 1 + random.nextInt(random.nextInt(4) == 0 ? 3_000 : 200);
        return switch (random.nextInt(5)) {
            case 0 -> "(".repeat(depth) + token + ")".repeat(depth);
            case 1 -> "NOT ".repeat(depth) + token;
            case 2 -> "- ".repeat(depth) + token;
            case 3 -> "CASE WHEN TRUE THEN ".repeat(Math.min(depth, 500)) + token + " END".repeat(Math.min(depth, 500));
            default -> "(SELECT ".repeat(Math.min(depth, 300)) + token + ")".repeat(Math.min(depth, 300));
        };
    }
}
