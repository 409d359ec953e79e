package dev.lightningdb.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of a {@code {fn name(args)}} JDBC escape in LightningDB's SQL: the JDBC scalar functions
 * whose names or forms differ from ours are rewritten (UCASE, LCASE, CONCAT, LENGTH, SUBSTRING,
 * LOCATE, IFNULL, NOW, CURDATE, CURTIME, LOG, CEILING, CONVERT and the date parts DAYOFMONTH, ...);
 * every other function (ABS, MOD, ROUND, UPPER, ...) passes through as written.
 *
 * <p>Invariant: arguments are copied once each and in their order, so the {@code ?} parameters
 * keep their numbers.
 */
final class JdbcFunctions {
    /** JDBC date-part functions that are EXTRACT of the part of the same name. */
    private static final Set<String> PARTS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "HOUR", "MINUTE", "SECOND");

    private JdbcFunctions() {
    }

    /** {@code body} is what followed {@code fn}, its own escapes already rewritten; {@code start} is where the escape began. */
    static String rewrite(String body, int start) throws SQLException {
        int open = body.indexOf('(');
        String name = (open < 0 ? body : body.substring(0, open)).trim();
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw JdbcEscapes.error(start, "{fn ...} needs a function call, e.g. {fn UCASE(name)}");
        }
        if (open < 0) {
            return body; // a niladic function written without parentheses
        }
        if (!body.endsWith(")") || closingParen(body, open) != body.length() - 1) {
            throw JdbcEscapes.error(start, "{fn " + name + "(...)} must be one function call with balanced parentheses");
        }
        List<String> args = arguments(body.substring(open + 1, body.length() - 1));
        String upper = name.toUpperCase(Locale.ROOT);
        String rewritten = rewrite(upper, args);
        if (rewritten == null) {
            throw JdbcEscapes.error(start, "{fn " + name + "} does not take " + args.size() + " argument" + (args.size() == 1 ? "" : "s"));
        }
        return rewritten.isEmpty() ? body : rewritten;
    }

    /** The rewrite, "" to keep the call as written, or null when the JDBC function takes another number of arguments. */
    private static String rewrite(String name, List<String> a) {
        int n = a.size();
        if (PARTS.contains(name)) {
            return n == 1 ? "EXTRACT(" + name + " FROM " + a.get(0) + ")" : null;
        }
        return switch (name) {
            case "UCASE" -> n == 1 ? "UPPER(" + a.get(0) + ")" : null;
            case "LCASE" -> n == 1 ? "LOWER(" + a.get(0) + ")" : null;
            case "CONCAT" -> n == 2 ? "(" + a.get(0) + " || " + a.get(1) + ")" : null;
            // JDBC's LENGTH leaves out trailing blanks
            case "LENGTH" -> n == 1 ? "CHAR_LENGTH(TRIM(TRAILING FROM " + a.get(0) + "))" : null;
            case "SUBSTRING" -> n == 2 ? "SUBSTRING(" + a.get(0) + " FROM " + a.get(1) + ")"
                    : n == 3 ? "SUBSTRING(" + a.get(0) + " FROM " + a.get(1) + " FOR " + a.get(2) + ")" : null;
            case "LOCATE" -> n == 2 ? "POSITION(" + a.get(0) + " IN " + a.get(1) + ")" : null;
            case "IFNULL" -> n == 2 ? "COALESCE(" + a.get(0) + ", " + a.get(1) + ")" : null;
            case "NOW" -> n == 0 ? "CURRENT_TIMESTAMP" : null;
            case "CURDATE" -> n == 0 ? "CURRENT_DATE" : null;
            case "CURTIME" -> n == 0 ? "CURRENT_TIME" : null;
            case "LOG" -> n == 1 ? "LN(" + a.get(0) + ")" : null; // JDBC's LOG is the natural logarithm
            case "CEILING" -> n == 1 ? "CEIL(" + a.get(0) + ")" : null;
            case "DAYOFMONTH" -> n == 1 ? "EXTRACT(DAY FROM " + a.get(0) + ")" : null;
            case "DAYOFWEEK" -> n == 1 ? "EXTRACT(DOW FROM " + a.get(0) + ")" : null; // both count Sunday as 1
            case "DAYOFYEAR" -> n == 1 ? "EXTRACT(DOY FROM " + a.get(0) + ")" : null;
            case "CONVERT" -> n == 2 ? "CAST(" + a.get(0) + " AS " + sqlType(a.get(1)) + ")" : null;
            default -> "";
        };
    }

    /** CONVERT's target: a JDBC type name, with or without SQL_, in our spelling. */
    private static String sqlType(String jdbcType) {
        String t = jdbcType.trim().toUpperCase(Locale.ROOT);
        t = t.startsWith("SQL_") ? t.substring(4) : t;
        return switch (t) {
            case "BIT" -> "BOOLEAN";
            case "WCHAR" -> "CHAR";
            case "WVARCHAR" -> "VARCHAR";
            case "WLONGVARCHAR" -> "LONGVARCHAR";
            case "FLOAT" -> "DOUBLE";
            default -> t;
        };
    }

    /** The index of the ')' that closes the '(' at {@code open}, skipping quoted text; -1 if none. */
    private static int closingParen(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfQuoted(s, i);
            } else if (c == '(') {
                level++;
            } else if (c == ')' && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The arguments of a call, split at the commas outside parentheses and quotes; none for blank text. */
    private static List<String> arguments(String s) {
        List<String> args = new ArrayList<>();
        if (s.isBlank()) {
            return args;
        }
        int level = 0;
        int begin = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfQuoted(s, i);
            } else if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
            } else if (c == ',' && level == 0) {
                args.add(s.substring(begin, i).trim());
                begin = i + 1;
            }
        }
        args.add(s.substring(begin).trim());
        return args;
    }

    /** The index of the quote that ends the quoted text starting at {@code i} (doubled quotes inside), or the last index. */
    private static int endOfQuoted(String s, int i) {
        char quote = s.charAt(i);
        for (int j = i + 1; j < s.length(); j++) {
            if (s.charAt(j) == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j++;
                } else {
                    return j;
                }
            }
        }
        return s.length() - 1;
    }
}
