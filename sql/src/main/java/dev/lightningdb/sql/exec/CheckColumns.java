package dev.lightningdb.sql.exec;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The column references in a CHECK constraint's SQL text, as the catalog keeps it: which columns
 * it names (DROP COLUMN drops the checks that name the column, as PostgreSQL does) and the same
 * text with a column renamed (RENAME COLUMN). A small lexer: string literals and quoted
 * identifiers are read whole, so a column name inside a literal is no reference; an unquoted word
 * folds to upper case as the parser folds it; a word followed by {@code (} is a function.
 */
final class CheckColumns {
    private CheckColumns() {
    }

    /** Whether {@code sql} refers to column {@code column} (its catalog name). */
    static boolean mentions(String sql, String column) {
        boolean[] found = {false};
        rewrite(sql, name -> {
            found[0] |= name.equals(column);
            return null;
        });
        return found[0];
    }

    /** {@code sql} with every reference to column {@code from} made a reference to {@code to}. */
    static String rename(String sql, String from, String to) {
        return rewrite(sql, name -> name.equals(from) ? '"' + to.replace("\"", "\"\"") + '"' : null);
    }

    /** Copies {@code sql}, replacing each column reference whose name {@code replace} maps to non-null text. */
    private static String rewrite(String sql, UnaryOperator<String> replace) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = closing(sql, i, '\'');
                out.append(sql, i, end);
                i = end;
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                int end = c == '"' ? closing(sql, i, '"') : word(sql, i);
                String text = sql.substring(i, end);
                String name = c == '"' ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text.toUpperCase(Locale.ROOT);
                String replaced = isFunction(sql, end) ? null : replace.apply(name);
                out.append(replaced != null ? replaced : text);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start} (a doubled quote is part of the text). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int word(String sql, int start) {
        int i = start;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private static boolean isFunction(String sql, int end) {
        int i = end;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '(';
    }
}
