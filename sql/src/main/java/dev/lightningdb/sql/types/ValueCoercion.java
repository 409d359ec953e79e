package dev.lightningdb.sql.types;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Converts values into a column type's internal representation ({@link ColumnType.Kind}) with the
 * standard's checks: a string too long is 22001, a number out of range 22003, text that is not a
 * number or date 22018/22007. Never truncates silently.
 *
 * <p>External values (what applications hand in and get back) are Boolean, the Number classes,
 * BigDecimal, String, byte[], LocalDate, LocalTime and LocalDateTime.
 */
public final class ValueCoercion {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ValueCoercion() {
    }

    /**
     * External values converted to the internal form of the matching entry of {@code types}; a value
     * past the end of {@code types} is left as it is.
     */
    public static Object[] toInternal(Object[] external, java.util.List<ColumnType> types) {
        Object[] out = new Object[external.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < types.size() ? toInternal(external[i], types.get(i)) : external[i];
        }
        return out;
    }

    /** {@code value} (external, internal or a Calcite literal value) as {@code type}'s internal value. */
    public static Object toInternal(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof NlsString s) {
            value = s.getValue();
        }
        return switch (type.kind()) {
            case BOOLEAN -> toBoolean(value);
            case TINYINT -> (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, type);
            case SMALLINT -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, type);
            case INTEGER -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case BIGINT -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE, type);
            case REAL -> toReal(value);
            case DOUBLE -> toDouble(value);
            case DECIMAL -> toDecimal(value, type);
            case CHAR, VARCHAR -> toText(value, type);
            case BINARY, VARBINARY -> toBinary(value, type);
            case DATE -> toDate(value);
            case TIME -> toTime(value);
            case TIMESTAMP -> toTimestamp(value);
            case TIMESTAMP_TZ -> toInstantMillis(value);
            case UUID -> toUuid(value);
        };
    }

    /** An internal value of {@code type} as the external value applications see. */
    public static Object toExternal(Object internal, ColumnType type) {
        if (internal == null) {
            return null;
        }
        return switch (type.kind()) {
            case BINARY, VARBINARY -> internal instanceof ByteString b ? b.getBytes() : internal;
            case DATE -> LocalDate.ofEpochDay(((Number) internal).longValue());
            case TIME -> LocalTime.ofNanoOfDay(Math.floorMod(((Number) internal).longValue(), MILLIS_PER_DAY) * 1_000_000L);
            case TIMESTAMP -> timestampOf(((Number) internal).longValue());
            case TIMESTAMP_TZ -> java.time.Instant.ofEpochMilli(((Number) internal).longValue()).atOffset(ZoneOffset.UTC);
            case TINYINT -> ((Number) internal).byteValue();
            case SMALLINT -> ((Number) internal).shortValue();
            case INTEGER -> ((Number) internal).intValue();
            case BIGINT -> ((Number) internal).longValue();
            case REAL -> ((Number) internal).floatValue();
            case DOUBLE -> ((Number) internal).doubleValue();
            case DECIMAL -> internal instanceof BigDecimal d ? d : new BigDecimal(internal.toString());
            default -> internal;
        };
    }

    public static LocalDateTime timestampOf(long millis) {
        long seconds = Math.floorDiv(millis, 1000L);
        int nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    private static Boolean toBoolean(Object v) {
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
        throw cannot(v, "BOOLEAN");
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Byte || n instanceof Short || n instanceof Integer || n instanceof Long || n instanceof BigInteger;
    }

    private static long integral(Object v, long min, long max, ColumnType type) {
        BigDecimal d = exactNumber(v, type);
        BigDecimal rounded = d.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + d.toPlainString() + " is out of range for " + type.sqlName());
        }
        return rounded.longValue();
    }

    private static BigDecimal exactNumber(Object v, ColumnType type) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number n && isIntegral(n)) {
            return n instanceof BigInteger bi ? new BigDecimal(bi) : BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + x + " is out of range for " + type.sqlName());
            }
            return BigDecimal.valueOf(x);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new SqlError(SqlError.INVALID_CAST, "Cannot convert '" + abbreviate(s) + "' to " + type.sqlName());
            }
        }
        throw cannot(v, type.sqlName());
    }

    private static Float toReal(Object v) {
        double d = toDouble(v);
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + d + " is out of range for REAL");
        }
        return f;
    }

    private static Double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new SqlError(SqlError.INVALID_CAST, "Cannot convert '" + abbreviate(s) + "' to DOUBLE");
            }
        }
        throw cannot(v, "DOUBLE");
    }

    private static BigDecimal toDecimal(Object v, ColumnType type) {
        BigDecimal d = exactNumber(v, type).setScale(type.scale(), RoundingMode.HALF_UP);
        int p = type.precisionOrDefault();
        if (d.precision() - d.scale() > p - type.scale()) {
            throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + d.toPlainString() + " is out of range for " + type.sqlName());
        }
        return d;
    }

    private static String toText(Object v, ColumnType type) {
        String s;
        if (v instanceof String str) {
            s = str;
        } else if (v instanceof BigDecimal d) {
            s = d.toPlainString();
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof java.util.UUID
                || v instanceof java.time.OffsetDateTime) {
            s = v.toString();
        } else if (v instanceof LocalDate || v instanceof LocalTime || v instanceof LocalDateTime) {
            s = v.toString().replace('T', ' ');
        } else {
            throw cannot(v, type.sqlName());
        }
        if (type.isBounded()) {
            int length = s.codePointCount(0, s.length());
            if (length > type.precision()) {
                throw new SqlError(SqlError.DATA_TOO_LONG, "Value too long for " + type.sqlName() + ": " + length + " characters in '"
                        + abbreviate(s) + "'");
            }
            if (type.kind() == ColumnType.Kind.CHAR && length < type.precision()) {
                s = s + " ".repeat(type.precision() - length);
            }
        }
        return s;
    }

    private static ByteString toBinary(Object v, ColumnType type) {
        byte[] b;
        if (v instanceof byte[] bytes) {
            b = bytes.clone();
        } else if (v instanceof ByteString bs) {
            b = bs.getBytes();
        } else if (v instanceof String s) {
            try {
                b = ByteString.of(s, 16).getBytes();
            } catch (IllegalArgumentException e) {
                throw new SqlError(SqlError.INVALID_CAST, "Cannot convert '" + abbreviate(s) + "' to " + type.sqlName() + ": not hexadecimal");
            }
        } else {
            throw cannot(v, type.sqlName());
        }
        if (type.isBounded()) {
            if (b.length > type.precision()) {
                throw new SqlError(SqlError.DATA_TOO_LONG, "Value too long for " + type.sqlName() + ": " + b.length + " bytes");
            }
            if (type.kind() == ColumnType.Kind.BINARY && b.length < type.precision()) {
                b = Arrays.copyOf(b, type.precision());
            }
        }
        return new ByteString(b);
    }

    private static Integer toDate(Object v) {
        if (v instanceof LocalDate d) {
            return Math.toIntExact(d.toEpochDay());
        }
        if (v instanceof LocalDateTime t) {
            return Math.toIntExact(t.toLocalDate().toEpochDay());
        }
        if (v instanceof DateString d) {
            return d.getDaysSinceEpoch();
        }
        if (v instanceof Integer days) {
            return days;
        }
        if (v instanceof String s) {
            try {
                return Math.toIntExact(LocalDate.parse(s.trim()).toEpochDay());
            } catch (DateTimeParseException e) {
                throw new SqlError(SqlError.INVALID_DATETIME, "Cannot convert '" + abbreviate(s) + "' to DATE (expected yyyy-mm-dd)");
            }
        }
        throw cannot(v, "DATE");
    }

    private static Integer toTime(Object v) {
        if (v instanceof LocalTime t) {
            return (int) (t.toNanoOfDay() / 1_000_000L);
        }
        if (v instanceof LocalDateTime t) {
            return (int) (t.toLocalTime().toNanoOfDay() / 1_000_000L);
        }
        if (v instanceof TimeString t) {
            return t.getMillisOfDay();
        }
        if (v instanceof Integer ms) {
            return ms;
        }
        if (v instanceof String s) {
            try {
                return (int) (LocalTime.parse(s.trim()).toNanoOfDay() / 1_000_000L);
            } catch (DateTimeParseException e) {
                throw new SqlError(SqlError.INVALID_DATETIME, "Cannot convert '" + abbreviate(s) + "' to TIME (expected hh:mm:ss)");
            }
        }
        throw cannot(v, "TIME");
    }

    private static Long toTimestamp(Object v) {
        if (v instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay() * MILLIS_PER_DAY;
        }
        if (v instanceof TimestampString t) {
            return t.getMillisSinceEpoch();
        }
        if (v instanceof Long ms) {
            return ms;
        }
        if (v instanceof String s) {
            String text = s.trim();
            try {
                if (text.length() <= 10) {
                    return LocalDate.parse(text).toEpochDay() * MILLIS_PER_DAY;
                }
                return toTimestamp(LocalDateTime.parse(text.replace(' ', 'T')));
            } catch (DateTimeParseException e) {
                throw new SqlError(SqlError.INVALID_DATETIME, "Cannot convert '" + abbreviate(s)
                        + "' to TIMESTAMP (expected yyyy-mm-dd hh:mm:ss[.fff])");
            }
        }
        throw cannot(v, "TIMESTAMP");
    }

    private static Long toInstantMillis(Object v) {
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        if (v instanceof java.time.ZonedDateTime z) {
            return z.toInstant().toEpochMilli();
        }
        if (v instanceof java.time.Instant i) {
            return i.toEpochMilli();
        }
        if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof TimestampString || v instanceof Long) {
            return toTimestamp(v); // a zone-less value is taken as UTC
        }
        if (v instanceof String s) {
            try {
                return java.time.OffsetDateTime.parse(s.trim().replace(' ', 'T')).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return toTimestamp(s);
            }
        }
        throw cannot(v, "TIMESTAMP WITH TIME ZONE");
    }

    private static java.util.UUID toUuid(Object v) {
        if (v instanceof java.util.UUID u) {
            return u;
        }
        if (v instanceof String s) {
            try {
                return java.util.UUID.fromString(s.trim());
            } catch (IllegalArgumentException e) {
                throw new SqlError(SqlError.INVALID_CAST, "Cannot convert '" + abbreviate(s) + "' to UUID");
            }
        }
        if (v instanceof byte[] b && b.length == 16) {
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
            return new java.util.UUID(bb.getLong(), bb.getLong());
        }
        throw cannot(v, "UUID");
    }

    private static SqlError cannot(Object v, String target) {
        return new SqlError(SqlError.INVALID_CAST, "Cannot convert a value of type " + v.getClass().getSimpleName() + " to " + target);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
