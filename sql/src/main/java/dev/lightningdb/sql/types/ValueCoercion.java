package dev.lightningdb.sql.types;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ExternalValues;
import dev.lightningdb.sql.result.SqlError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
 * BigDecimal, String, byte[], UUID, LocalDate, LocalTime, LocalDateTime and OffsetDateTime. How
 * one reads as a number, truth value, date, time or UUID is {@link ExternalValues}' table, which the
 * JDBC driver reads by too; this class adds the column type's rules (range, scale, length, padding)
 * and Calcite's internal forms.
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
            case BOOLEAN -> ExternalValues.truthValue(value, "BOOLEAN");
            case TINYINT -> (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, type);
            case SMALLINT -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, type);
            case INTEGER -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case BIGINT -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE, type);
            case REAL -> toReal(value);
            case DOUBLE -> ExternalValues.approximateNumber(value, "DOUBLE");
            case DECIMAL -> toDecimal(value, type);
            case CHAR, VARCHAR -> toText(value, type);
            case BINARY, VARBINARY -> toBinary(value, type);
            case DATE -> toDate(value);
            case TIME -> toTime(value);
            case TIMESTAMP -> toTimestamp(value);
            case TIMESTAMP_TZ -> toInstantMillis(value);
            case UUID -> ExternalValues.uuid(value, "UUID");
            case JSON -> JsonText.toJson(value);
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

    private static long integral(Object v, long min, long max, ColumnType type) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long x = ((Number) v).longValue(); // the common case, without a BigDecimal
            if (x < min || x > max) {
                throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + x + " is out of range for " + type.sqlName());
            }
            return x;
        }
        BigDecimal d = ExternalValues.exactNumber(v, type.sqlName());
        BigDecimal rounded = d.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + d.toPlainString() + " is out of range for " + type.sqlName());
        }
        return rounded.longValue();
    }

    private static Float toReal(Object v) {
        double d = ExternalValues.approximateNumber(v, "REAL");
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw new SqlError(SqlError.NUMERIC_OUT_OF_RANGE, "Value " + d + " is out of range for REAL");
        }
        return f;
    }

    private static BigDecimal toDecimal(Object v, ColumnType type) {
        BigDecimal d = ExternalValues.exactNumber(v, type.sqlName()).setScale(type.scale(), RoundingMode.HALF_UP);
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
            throw ExternalValues.cannotConvert(v, type.sqlName());
        }
        if (type.isBounded()) {
            int length = s.codePointCount(0, s.length());
            if (length > type.precision()) {
                throw new SqlError(SqlError.DATA_TOO_LONG, "Value too long for " + type.sqlName() + ": " + length + " characters in '"
                        + ExternalValues.abbreviate(s) + "'");
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
                throw ExternalValues.invalidText(SqlError.INVALID_CAST, s, type.sqlName() + ": not hexadecimal");
            }
        } else {
            throw ExternalValues.cannotConvert(v, type.sqlName());
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
        if (v instanceof DateString d) {
            return d.getDaysSinceEpoch();
        }
        if (v instanceof Integer days) {
            return days;
        }
        return Math.toIntExact(ExternalValues.date(v, "DATE").toEpochDay());
    }

    private static Integer toTime(Object v) {
        if (v instanceof TimeString t) {
            return t.getMillisOfDay();
        }
        if (v instanceof Integer ms) {
            return ms;
        }
        return (int) (ExternalValues.time(v, "TIME").toNanoOfDay() / 1_000_000L);
    }

    private static Long toTimestamp(Object v) {
        if (v instanceof TimestampString t) {
            return t.getMillisSinceEpoch();
        }
        if (v instanceof Long ms) {
            return ms;
        }
        LocalDateTime t = ExternalValues.timestamp(v, "TIMESTAMP");
        return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
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
        throw ExternalValues.cannotConvert(v, "TIMESTAMP WITH TIME ZONE");
    }
}
