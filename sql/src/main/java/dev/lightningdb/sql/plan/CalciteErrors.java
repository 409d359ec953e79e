package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.sql.result.SqlError;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;

/**
 * Translates what Calcite throws while validating, planning or running a query into an
 * {@link SqlError} with the right SQLState. Validation messages already carry line and column.
 */
final class CalciteErrors {
    private static final Pattern UNKNOWN_TABLE = Pattern.compile("(Object|Table) '.*' not found.*", Pattern.DOTALL);
    private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '.*' not found.*", Pattern.DOTALL);
    /** Calcite's messages for date/time text it cannot convert (e.g. "Value of MONTH field is out of range"). */
    private static final Pattern DATETIME_VALUE = Pattern.compile(
            "(?is).*(field is out of range|date|time|timestamp).*");

    private CalciteErrors() {
    }

    static SqlError translate(Throwable t) {
        while (t instanceof ExceptionInInitializerError e && e.getCause() != null) {
            t = e.getCause();
        }
        if (t instanceof SqlError e) {
            return e;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SqlError e) {
                return e;
            }
            if (c instanceof LightningDbException e) {
                throw e; // engine errors keep their own code; the driver maps them
            }
        }
        if (t instanceof CalciteContextException ctx) {
            String cause = ctx.getCause() == null ? ctx.getMessage() : ctx.getCause().getMessage();
            String state = SqlError.SYNTAX;
            if (cause != null && UNKNOWN_TABLE.matcher(cause).matches()) {
                state = SqlError.UNKNOWN_TABLE;
            } else if (cause != null && UNKNOWN_COLUMN.matcher(cause).matches()) {
                state = SqlError.UNKNOWN_COLUMN;
            }
            return new SqlError(state, ctx.getMessage(), t);
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof StackOverflowError) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof StackOverflowError) {
            return new SqlError(SqlError.TOO_COMPLEX, "The query is too complex to plan (expression nesting too deep)", t);
        }
        String rootMessage = String.valueOf(root.getMessage());
        if (root instanceof IllegalStateException && rootMessage.startsWith("more than one value in agg SINGLE_VALUE")) {
            return new SqlError(SqlError.CARDINALITY_VIOLATION, "A scalar subquery returned more than one row", t);
        }
        if (rootMessage.startsWith("Cannot take logarithm of zero or negative number")) {
            return new SqlError("2201E", "Invalid argument for a logarithm: zero or a negative number", t);
        }
        if (rootMessage.startsWith("Substring error")) {
            return new SqlError("22011", rootMessage, t);
        }
        if (rootMessage.startsWith("Invalid escape character")) {
            return new SqlError(SqlError.INVALID_ESCAPE_CHARACTER,
                    "Invalid LIKE escape character (it must be a single character): " + rootMessage, t);
        }
        if (rootMessage.startsWith("Invalid escape sequence")) {
            return new SqlError(SqlError.INVALID_ESCAPE_SEQUENCE,
                    "Invalid LIKE pattern (the escape character must precede _, % or itself): " + rootMessage, t);
        }
        if (root instanceof IllegalArgumentException && DATETIME_VALUE.matcher(String.valueOf(root.getMessage())).matches()) {
            return new SqlError(SqlError.INVALID_DATETIME, "Invalid date/time value: " + root.getMessage(), t);
        }
        if (root instanceof ArithmeticException) {
            String msg = String.valueOf(root.getMessage());
            return new SqlError(msg.contains("zero") ? "22012" : SqlError.NUMERIC_OUT_OF_RANGE, "Arithmetic error: " + msg, t);
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            // BigDecimal's constructor wraps its own index error in the NumberFormatException it throws
            if (c instanceof NumberFormatException) {
                return new SqlError(SqlError.INVALID_CAST, "Invalid number: " + c.getMessage(), t);
            }
        }
        if (t instanceof CalciteException) {
            return new SqlError(SqlError.SYNTAX, t.getMessage(), t);
        }
        return new SqlError(SqlError.INTERNAL, "Internal error while running a query: " + t, t);
    }
}
