package dev.lightningdb.jdbc;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Locale;

/**
 * Rewrites JDBC escape syntax into LightningDB's SQL: {@code {fn f(args)}} (the JDBC scalar
 * functions, see {@link JdbcFunctions}), {@code {d '...'}}, {@code {t '...'}}, {@code {ts '...'}},
 * {@code {oj join}}, {@code {escape 'c'}}, {@code {limit n [offset m]}}, {@code {call f(args)}} and
 * {@code {? = call f(args)}}, which become CALL statements.
 *
 * <p>Invariants: text outside braces is copied as it is, and so is everything inside string
 * literals, quoted identifiers and comments, braces included; escapes nest; a text without a brace
 * comes back unchanged (the common case costs one scan). A brace without its partner, an unknown
 * escape or a malformed one is a 42000 {@link SQLSyntaxErrorException} naming where it is.
 */
final class JdbcEscapes {
    /** Deeper nesting than this is garbage, not SQL: refused before it could exhaust the stack. */
    private static final int MAX_DEPTH = 64;

    /** A statement for {@code prepareCall}; {@code returnsValue} when it was {@code {? = call ...}} (parameter 1 is the result). */
    record NativeCall(String sql, boolean returnsValue) {
    }

    private final String sql;
    private int pos;
    private int depth;
    private boolean returnsValue;

    private JdbcEscapes(String sql) {
        this.sql = sql;
    }

    /** {@code sql} with its escapes rewritten, for a Statement or PreparedStatement (no {@code {? = call}} here). */
    static String toNative(String sql) throws SQLException {
        NativeCall call = toNativeCall(sql);
        if (call.returnsValue()) {
            throw new SQLSyntaxErrorException("{? = call ...} returns its value through an OUT parameter: use Connection.prepareCall",
                    "42000");
        }
        return call.sql();
    }

    /** {@code sql} with its escapes rewritten, for {@code prepareCall}. */
    static NativeCall toNativeCall(String sql) throws SQLException {
        if (sql == null) {
            throw new SQLSyntaxErrorException("SQL text must not be null", "42000");
        }
        if (sql.indexOf('{') < 0 && sql.indexOf('}') < 0) {
            return new NativeCall(sql, false);
        }
        JdbcEscapes escapes = new JdbcEscapes(sql);
        String out = escapes.text(false);
        return new NativeCall(out, escapes.returnsValue);
    }

    // ------------------------------------------------------------------ scanning

    /** Copies and rewrites up to the end, or up to (not past) the '}' that closes the escape being read. */
    private String text(boolean inEscape) throws SQLException {
        StringBuilder out = new StringBuilder(sql.length());
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\'' || c == '"') {
                copyQuoted(out, c);
            } else if (c == '-' && at("--")) {
                copyUntil(out, "\n");
            } else if (c == '/' && at("/*")) {
                copyUntil(out, "*/");
            } else if (c == '{') {
                String replacement = escape();
                if (endsWithWordChar(out) && startsWithWordChar(replacement)) {
                    out.append(' ');
                }
                out.append(replacement);
                if (pos < sql.length() && isWordChar(sql.charAt(pos)) && endsWithWordChar(replacement)) {
                    out.append(' ');
                }
            } else if (c == '}') {
                if (inEscape) {
                    return out.toString();
                }
                throw error(pos, "'}' without a '{' before it");
            } else {
                out.append(c);
                pos++;
            }
        }
        if (inEscape) {
            throw error(sql.length(), "a JDBC escape is not closed by '}'");
        }
        return out.toString();
    }

    /** A string literal or quoted identifier, doubled quotes inside; unterminated runs to the end (the SQL parser reports it). */
    private void copyQuoted(StringBuilder out, char quote) {
        int end = pos + 1;
        while (end < sql.length()) {
            if (sql.charAt(end) == quote) {
                if (end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
                    end += 2;
                    continue;
                }
                end++;
                break;
            }
            end++;
        }
        out.append(sql, pos, Math.min(end, sql.length()));
        pos = Math.min(end, sql.length());
    }

    private void copyUntil(StringBuilder out, String terminator) {
        int end = sql.indexOf(terminator, pos + 2);
        end = end < 0 ? sql.length() : end + terminator.length();
        out.append(sql, pos, end);
        pos = end;
    }

    private boolean at(String s) {
        return sql.startsWith(s, pos);
    }

    // ------------------------------------------------------------------ one escape

    /** Reads the escape whose '{' is at {@code pos}, up to and with its '}', and returns what replaces it. */
    private String escape() throws SQLException {
        int start = pos;
        if (++depth > MAX_DEPTH) {
            throw new SQLException("JDBC escapes are nested more than " + MAX_DEPTH + " deep", "54001");
        }
        pos++;
        skipSpaces();
        boolean valueCall = pos < sql.length() && sql.charAt(pos) == '?';
        if (valueCall) {
            pos++;
            skipSpaces();
            if (pos >= sql.length() || sql.charAt(pos) != '=') {
                throw error(start, "expected '=' after '{?' (the form is {? = call f(...)})");
            }
            pos++;
            skipSpaces();
        }
        String keyword = word().toLowerCase(Locale.ROOT);
        if (valueCall && !keyword.equals("call")) {
            throw error(start, "expected 'call' after '{? =' (the form is {? = call f(...)})");
        }
        String body = text(true).trim();
        pos++; // the closing '}'
        depth--;
        String replacement = switch (keyword) {
            case "fn" -> JdbcFunctions.rewrite(body, start);
            case "d" -> literal("DATE", body, start);
            case "t" -> literal("TIME", body, start);
            case "ts" -> literal("TIMESTAMP", body, start);
            case "oj" -> nonEmpty(body, "{oj ...}", start);
            case "escape" -> "ESCAPE " + nonEmpty(body, "{escape ...}", start);
            case "limit" -> "LIMIT " + nonEmpty(body, "{limit ...}", start);
            case "call" -> "CALL " + nonEmpty(body, "{call ...}", start);
            case "" -> throw error(start, "'{' does not start a JDBC escape ({fn ...}, {d ...}, {ts ...}, {call ...}, ...)");
            default -> throw error(start, "unknown JDBC escape {" + keyword + " ...}");
        };
        if (valueCall) {
            checkWholeStatement(start);
            returnsValue = true;
        }
        return replacement;
    }

    /** {@code {? = call ...}} makes its parameter 1 the result, so it must be the whole statement. */
    private void checkWholeStatement(int start) throws SQLException {
        String after = sql.substring(pos).trim();
        if (depth > 0 || !sql.substring(0, start).isBlank() || !(after.isEmpty() || after.equals(";"))) {
            throw error(start, "{? = call ...} must be the whole statement");
        }
    }

    private String literal(String type, String body, int start) throws SQLException {
        if (body.length() < 2 || body.charAt(0) != '\'' || body.charAt(body.length() - 1) != '\''
                || body.substring(1, body.length() - 1).replace("''", "").indexOf('\'') >= 0) {
            throw error(start, "{" + type.toLowerCase(Locale.ROOT).charAt(0) + (type.equals("TIMESTAMP") ? "s" : "")
                    + " ...} needs one string literal, e.g. " + example(type));
        }
        return type + " " + body;
    }

    private static String example(String type) {
        return switch (type) {
            case "DATE" -> "{d '2024-12-31'}";
            case "TIME" -> "{t '23:59:00'}";
            default -> "{ts '2024-12-31 23:59:00'}";
        };
    }

    private String nonEmpty(String body, String form, int start) throws SQLException {
        if (body.isEmpty()) {
            throw error(start, form + " is empty");
        }
        return body;
    }

    private String word() {
        int begin = pos;
        while (pos < sql.length() && Character.isLetter(sql.charAt(pos))) {
            pos++;
        }
        return sql.substring(begin, pos);
    }

    private void skipSpaces() {
        while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean endsWithWordChar(CharSequence s) {
        return s.length() > 0 && isWordChar(s.charAt(s.length() - 1));
    }

    private static boolean startsWithWordChar(CharSequence s) {
        return s.length() > 0 && isWordChar(s.charAt(0));
    }

    static SQLSyntaxErrorException error(int offset, String what) {
        return new SQLSyntaxErrorException("Malformed JDBC escape at character " + (offset + 1) + ": " + what, "42000");
    }
}
