package dev.lightningdb.sql.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one table of how an external value (what applications pass and get: Boolean, the Number
 * classes, BigDecimal, String, byte[], UUID, LocalDate, LocalTime, LocalDateTime ...) reads as a
 * number, a truth value, a date or time, or a UUID. The SQL layer's coercion into column types
 * ({@code ValueCoercion}) and the JDBC driver's getters and setters both read values through it, so
 * that text such as {@code 'yes'} or {@code ' 12.5 '} means the same in a statement and in
 * {@code ResultSet.getBoolean}/{@code getBigDecimal}.
 *
 * <p>A value that does not read is a {@link SqlError}: 22018 for a value of another class or text
 * that is not a number (or UUID), 22007 for text that is not a date or time, 22003 for a number no
 * exact number can hold (NaN, infinities). {@code target} names what was wanted in the message. Never
 * truncates or rounds: range and scale are the caller's rules. Depends on nothing but the JDK.
 */
public final class ExternalValues {
    private ExternalValues() {
    }

    /** Integers, BigDecimal, finite floating-point numbers, Boolean (1 or 0), or the text of a number. */
    public static BigDecimal exactNumber(Object v, String target) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number n && isIntegral(n)) {
            return n instanceof BigInteger bi ? new BigDecimal(bi) : BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + x + " is out of range for " + target);
            }
            return BigDecimal.valueOf(x);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            return parse(s, BigDecimal::new, SqlError.INVALID_CAST, target, null);
        }
        throw cannotConvert(v, target);
    }

    /** Any Number, or the text of a number. */
    public static double approximateNumber(Object v, String target) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            return parse(s, Double::valueOf, SqlError.INVALID_CAST, target, null);
        }
        throw cannotConvert(v, target);
    }

    /** Boolean, an integer (not zero is true), or TRUE/T/YES/Y/1 and FALSE/F/NO/N/0 in any case. */
    public static boolean truthValue(Object v, String target) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && isIntegral(n)) {
            return n.longValue() != 0;
        }
        if (v instanceof String s) {
            switch (s.trim().toUpperCase(Locale.ROOT)) {
                case "TRUE", "T", "YES", "Y", "1": return true;
                case "FALSE", "F", "NO", "N", "0": return false;
                default: break;
            }
        }
        throw cannotConvert(v, target);
    }

    /** LocalDate, the date of a LocalDateTime, or text yyyy-mm-dd. */
    public static LocalDate date(Object v, String target) {
        return v instanceof LocalDateTime t ? t.toLocalDate() : temporal(v, LocalDate.class, LocalDate::parse, target, "yyyy-mm-dd");
    }

    /** LocalTime, the time of a LocalDateTime, or text hh:mm[:ss[.f]]. */
    public static LocalTime time(Object v, String target) {
        return v instanceof LocalDateTime t ? t.toLocalTime() : temporal(v, LocalTime.class, LocalTime::parse, target, "hh:mm:ss");
    }

    /** LocalDateTime, a LocalDate at midnight, or text yyyy-mm-dd or yyyy-mm-dd hh:mm[:ss[.f]] (a T may stand for the space). */
    public static LocalDateTime timestamp(Object v, String target) {
        return v instanceof LocalDate d ? d.atStartOfDay()
                : temporal(v, LocalDateTime.class, ExternalValues::parseTimestamp, target, "yyyy-mm-dd hh:mm:ss[.fff]");
    }

    /** UUID, its text, or its 16 bytes (most significant first). */
    public static UUID uuid(Object v, String target) {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s) {
            return parse(s, UUID::fromString, SqlError.INVALID_CAST, target, null);
        }
        if (v instanceof byte[] b && b.length == 16) {
            ByteBuffer bb = ByteBuffer.wrap(b);
            return new UUID(bb.getLong(), bb.getLong());
        }
        throw cannotConvert(v, target);
    }

    /** 22018: {@code v}'s class does not convert to {@code target}. */
    public static SqlError cannotConvert(Object v, String target) {
        return new SqlError(SqlError.INVALID_CAST, "Cannot convert a value of type " + v.getClass().getSimpleName() + " to " + target);
    }

    /** {@code sqlState}: {@code text} does not read as {@code target}. */
    public static SqlError invalidText(String sqlState, String text, String target) {
        return new SqlError(sqlState, "Cannot convert '" + abbreviate(text) + "' to " + target);
    }

    /** {@code s} cut to 40 characters, for a message. */
    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static <T> T temporal(Object v, Class<T> type, Function<String, T> parser, String target, String expected) {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof String s) {
            return parse(s, parser, SqlError.INVALID_DATETIME, target, expected);
        }
        throw cannotConvert(v, target);
    }

    private static LocalDateTime parseTimestamp(String text) {
        return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
    }

    /** {@code s} trimmed and read by {@code parser}; text it refuses is {@code sqlState}, naming the {@code expected} form if any. */
    private static <T> T parse(String s, Function<String, T> parser, String sqlState, String target, String expected) {
        try {
            return parser.apply(s.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalidText(sqlState, s, expected == null ? target : target + " (expected " + expected + ")");
        }
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Byte || n instanceof Short || n instanceof Integer || n instanceof Long || n instanceof BigInteger;
    }
}
