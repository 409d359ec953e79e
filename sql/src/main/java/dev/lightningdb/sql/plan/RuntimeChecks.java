package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.SqlError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.linq4j.function.Strict;

/**
 * The checks that generated query code calls where Calcite's own functions would wrap around, answer
 * Infinity or NaN, take an hour of 25 as 1, or build a string without bound ({@link CheckedFunctions} puts the calls in). Each
 * returns its (first) argument, or the function's value, or throws an {@link SqlError} with the
 * SQLState PostgreSQL gives. Public for the generated code only.
 */
public final class RuntimeChecks {
    /**
     * The longest string (in UTF-16 chars) REPEAT, LPAD, RPAD and || build: 16 Mi, 32 MiB of heap per
     * value, well below what exhausts a JVM's heap, well above any column value users store.
     */
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

    /** Calcite computes SQRT(x) as POWER(x, 0.5). */
    private static final double SQUARE_ROOT = 0.5;

    private RuntimeChecks() {
    }

    @Strict
    public static int abs(int x) {
        if (x == Integer.MIN_VALUE) {
            throw outOfRange("ABS(" + x + ")", "INTEGER");
        }
        return Math.abs(x);
    }

    @Strict
    public static long abs(long x) {
        if (x == Long.MIN_VALUE) {
            throw outOfRange("ABS(" + x + ")", "BIGINT");
        }
        return Math.abs(x);
    }

    @Strict
    public static short abs(short x) {
        if (x == Short.MIN_VALUE) {
            throw outOfRange("ABS(" + x + ")", "SMALLINT");
        }
        return (short) Math.abs(x);
    }

    @Strict
    public static byte abs(byte x) {
        if (x == Byte.MIN_VALUE) {
            throw outOfRange("ABS(" + x + ")", "TINYINT");
        }
        return (byte) Math.abs(x);
    }

    @Strict
    public static double power(double base, double exponent) {
        if (base == 0 && exponent < 0) {
            throw new SqlError(SqlError.INVALID_POWER_ARGUMENT, "POWER: zero raised to a negative power is undefined");
        }
        if (base < 0 && exponent == SQUARE_ROOT) {
            throw new SqlError(SqlError.INVALID_POWER_ARGUMENT, "SQRT: cannot take the square root of a negative number");
        }
        if (base < 0 && exponent != Math.rint(exponent)) {
            throw new SqlError(SqlError.INVALID_POWER_ARGUMENT,
                    "POWER: a negative number raised to a non-integer power yields a complex result");
        }
        return Math.pow(base, exponent);
    }

    /** REPEAT's count, once {@code text} repeated that often is known to fit. */
    @Strict
    public static int repeatCount(String text, int count) {
        checkLength("REPEAT", (long) text.length() * Math.max(count, 0));
        return count;
    }

    /** LPAD's or RPAD's length, once known to fit. */
    @Strict
    public static int padLength(int length) {
        checkLength("LPAD/RPAD", length);
        return length;
    }

    /** A concatenation's result, once known to fit (each operand fits, so it was built without trouble). */
    @Strict
    public static String concatenated(String text) {
        checkLength("||", text.length());
        return text;
    }

    /** TIME text: hours, minutes, and optionally seconds with a fraction. */
    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d*)?)?\\s*");

    /**
     * Text cast to TIME, once it is known to be a time of day: Calcite's conversion takes '25:00' as
     * 01:00 and '12:60' as 13:00, and 'xx' as a bad number (22018).
     */
    @Strict
    public static String timeText(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new SqlError(SqlError.INVALID_DATETIME, "Invalid TIME value '" + text + "' (expected hh:mm[:ss[.fff]])");
        }
        int[] limits = {23, 59, 59};
        String[] names = {"hour", "minute", "second"};
        for (int i = 0; i < limits.length; i++) {
            if (m.group(i + 1) != null && Integer.parseInt(m.group(i + 1)) > limits[i]) {
                throw new SqlError(SqlError.INVALID_DATETIME, "Invalid TIME value '" + text + "': the " + names[i] + " is out of range");
            }
        }
        return text;
    }

    /** A UUID's text, whose order is its bits' unsigned order ({@link UuidOrder}); the row holds it as an Object. */
    @Strict
    public static String uuidText(Object uuid) {
        return uuid.toString();
    }

    private static void checkLength(String function, long length) {
        if (length > MAX_STRING_LENGTH) {
            throw new SqlError(SqlError.PROGRAM_LIMIT_EXCEEDED, function + ": a string of " + length
                    + " characters exceeds the limit of " + MAX_STRING_LENGTH + " characters");
        }
    }

    private static SqlError outOfRange(String expression, String type) {
        return new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Numeric value out of range: " + expression + " does not fit in " + type);
    }
}
