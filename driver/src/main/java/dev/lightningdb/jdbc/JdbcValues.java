package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.ExternalValues;
import dev.lightningdb.sql.result.SqlError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Conversions between JDBC's Java types and the SQL layer's external values (Boolean, numbers,
 * BigDecimal, String, byte[], UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime). How a
 * value reads as a number, truth value, date, time or UUID is the SQL layer's table
 * ({@link ExternalValues}); this class adds what is JDBC's own: getters that read any number as a
 * boolean and a boolean as a number, truncation to the getter's integer type, text and bytes as
 * {@code getString}/{@code getBytes} give them, the java.sql classes and the timestamp escape format.
 * A value that cannot convert is an {@link SQLDataException} naming both types, never a
 * ClassCastException.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    // ------------------------------------------------------------------ parameters (JDBC → external)

    static Object toExternal(Object x) throws SQLException {
        if (x instanceof OffsetDateTime || x instanceof UUID) {
            return x;
        }
        if (x == null || x instanceof String || x instanceof Boolean || x instanceof Integer || x instanceof Long
                || x instanceof Short || x instanceof Byte || x instanceof Double || x instanceof Float
                || x instanceof BigDecimal || x instanceof LocalDate || x instanceof LocalTime || x instanceof LocalDateTime) {
            return x;
        }
        if (x instanceof byte[] b) {
            return b.clone();
        }
        if (x instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (x instanceof Date d) {
            return d.toLocalDate();
        }
        if (x instanceof Time t) {
            return t.toLocalTime();
        }
        if (x instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (x instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        if (x instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
        }
        if (x instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (x instanceof java.sql.Blob b) {
            return LightningBlob.bytesOf(b);
        }
        if (x instanceof java.sql.Clob c) {
            return LightningClob.textOf(c);
        }
        if (x instanceof Character || x instanceof Enum<?>) {
            return x.toString();
        }
        if (x instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (x instanceof java.util.Map<?, ?> || x instanceof java.util.Collection<?>) {
            return x; // a JSON column takes them as JSON text; other columns refuse them
        }
        throw new SQLDataException("Parameters of type " + x.getClass().getName() + " are not supported", "22023");
    }

    /** {@code setObject(i, x, targetSqlType[, scaleOrLength])}: the external value {@code v} as that JDBC type. */
    static Object toSqlType(Object v, int sqlType, int scaleOrLength) throws SQLException {
        if (v == null) {
            return null;
        }
        String target = "parameter of type " + sqlTypeName(sqlType);
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                 Types.NCLOB -> string(v);
            case Types.BOOLEAN, Types.BIT -> bool(v);
            case Types.TINYINT -> convert(v, Byte.class, target);
            case Types.SMALLINT -> convert(v, Short.class, target);
            case Types.INTEGER -> convert(v, Integer.class, target);
            case Types.BIGINT -> convert(v, Long.class, target);
            case Types.REAL -> convert(v, Float.class, target);
            case Types.FLOAT, Types.DOUBLE -> convert(v, Double.class, target);
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal d = decimal(v, target);
                yield scaleOrLength >= 0 ? d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP) : d;
            }
            case Types.DATE -> toLocalDate(v);
            case Types.TIME -> toLocalTime(v);
            case Types.TIMESTAMP -> toLocalDateTime(v);
            case Types.TIMESTAMP_WITH_TIMEZONE -> convert(v, OffsetDateTime.class, target);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> bytes(v);
            case Types.OTHER, Types.JAVA_OBJECT -> v;
            case Types.NULL -> null;
            default -> throw Errors.unsupported("Target SQL type " + sqlTypeName(sqlType));
        };
    }

    private static String sqlTypeName(int sqlType) {
        try {
            return java.sql.JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return String.valueOf(sqlType);
        }
    }

    static LocalDate localDate(Date x, Calendar cal) {
        if (x == null || cal == null) {
            return x == null ? null : x.toLocalDate();
        }
        return Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate();
    }

    static LocalTime localTime(Time x, Calendar cal) {
        if (x == null || cal == null) {
            return x == null ? null : x.toLocalTime();
        }
        return Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime();
    }

    static LocalDateTime localDateTime(Timestamp x, Calendar cal) {
        if (x == null || cal == null) {
            return x == null ? null : x.toLocalDateTime();
        }
        return x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDateTime();
    }

    // ------------------------------------------------------------------ results (external → JDBC)

    static String string(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t).toString();
        }
        return v.toString();
    }

    static BigDecimal decimal(Object v, String target) throws SQLException {
        return v == null ? null : read(ExternalValues::exactNumber, v, target);
    }

    static long integral(Object v, long min, long max, String target) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long x = ((Number) v).longValue();
            if (x < min || x > max) {
                throw new SQLDataException("Value " + x + " is out of range for " + target, "22003");
            }
            return x;
        }
        BigDecimal d = decimal(v, target);
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SQLDataException("Value " + d + " is out of range for " + target, "22003");
        }
        return d.longValue();
    }

    static double floating(Object v, String target) throws SQLException {
        if (v == null) {
            return 0;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0; // JDBC reads a BIT as a number
        }
        try {
            return ExternalValues.approximateNumber(v, target); // not through read(): no boxing
        } catch (SqlError e) {
            throw Errors.translate(e);
        }
    }

    static boolean bool(Object v) throws SQLException {
        if (v == null) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0; // JDBC reads any number as a BIT
        }
        return read(ExternalValues::truthValue, v, "boolean");
    }

    static byte[] bytes(Object v) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw cannot(v, "byte[]");
    }

    static LocalDate toLocalDate(Object v) throws SQLException {
        return v == null ? null : read(ExternalValues::date, v, "date");
    }

    static LocalTime toLocalTime(Object v) throws SQLException {
        return v == null ? null : read(ExternalValues::time, v, "time");
    }

    /** Text in JDBC's timestamp escape format (yyyy-[m]m-[d]d hh:mm:ss[.f...]); an OffsetDateTime in this JVM's zone. */
    static LocalDateTime toLocalDateTime(Object v) throws SQLException {
        if (v instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (v instanceof String s) {
            try {
                return Timestamp.valueOf(s.trim()).toLocalDateTime();
            } catch (IllegalArgumentException e) {
                throw Errors.translate(ExternalValues.invalidText(SqlError.INVALID_DATETIME, s,
                        "timestamp (expected yyyy-mm-dd hh:mm:ss[.f])"));
            }
        }
        return v == null ? null : read(ExternalValues::timestamp, v, "timestamp");
    }

    /** {@code getObject(i)}: JDBC's standard classes (java.sql date/time types). */
    static Object jdbcObject(Object v) {
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof LocalTime t) {
            return Time.valueOf(t);
        }
        if (v instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }

    /** {@code getObject(i, type)} for a non-null value {@code v}. */
    static <T> T convert(Object v, Class<T> type, String target) throws SQLException {
        Object out;
        if (type == String.class) {
            out = string(v);
        } else if (type == Integer.class || type == int.class) {
            out = (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, target);
        } else if (type == Long.class || type == long.class) {
            out = integral(v, Long.MIN_VALUE, Long.MAX_VALUE, target);
        } else if (type == Short.class || type == short.class) {
            out = (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, target);
        } else if (type == Byte.class || type == byte.class) {
            out = (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, target);
        } else if (type == Double.class || type == double.class) {
            out = floating(v, target);
        } else if (type == Float.class || type == float.class) {
            out = (float) floating(v, target);
        } else if (type == Boolean.class || type == boolean.class) {
            out = bool(v);
        } else if (type == BigDecimal.class) {
            out = decimal(v, target);
        } else if (type == BigInteger.class) {
            out = decimal(v, target).toBigInteger();
        } else if (type == byte[].class) {
            out = bytes(v);
        } else if (type == UUID.class) {
            out = read(ExternalValues::uuid, v, target);
        } else if (type == java.sql.Blob.class) {
            out = new LightningBlob(bytes(v));
        } else if (type == java.sql.Clob.class || type == java.sql.NClob.class) {
            out = new LightningClob(string(v));
        } else {
            out = temporal(v, type, target);
        }
        @SuppressWarnings("unchecked")
        T t = (T) out; // primitive classes cannot cast() their boxes
        return t;
    }

    private static Object temporal(Object v, Class<?> type, String target) throws SQLException {
        if (type == LocalDate.class) {
            return toLocalDate(v);
        } else if (type == LocalTime.class) {
            return toLocalTime(v);
        } else if (type == LocalDateTime.class) {
            return toLocalDateTime(v);
        } else if (type == Date.class) {
            return Date.valueOf(toLocalDate(v));
        } else if (type == Time.class) {
            return Time.valueOf(toLocalTime(v));
        } else if (type == Timestamp.class) {
            return Timestamp.valueOf(toLocalDateTime(v));
        } else if (type == OffsetDateTime.class) {
            return v instanceof OffsetDateTime o ? o : toLocalDateTime(v).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } else if (type == ZonedDateTime.class) {
            return v instanceof OffsetDateTime o ? o.toZonedDateTime() : toLocalDateTime(v).atZone(ZoneId.systemDefault());
        } else if (type == Instant.class || type == java.util.Date.class) {
            Instant i = v instanceof OffsetDateTime o ? o.toInstant() : toLocalDateTime(v).atZone(ZoneId.systemDefault()).toInstant();
            return type == Instant.class ? i : java.util.Date.from(i);
        } else if (type == java.time.OffsetTime.class) {
            LocalTime t = toLocalTime(v);
            return t.atOffset(ZoneId.systemDefault().getRules().getOffset(LocalDate.now().atTime(t)));
        } else if (type.isInstance(v)) {
            return v;
        }
        throw cannot(v, target);
    }

    /** A reading of {@link ExternalValues}' table. */
    private interface Reading<T> {
        T read(Object v, String target);
    }

    private static <T> T read(Reading<T> reading, Object v, String target) throws SQLException {
        try {
            return reading.read(v, target);
        } catch (SqlError e) {
            throw Errors.translate(e);
        }
    }

    static SQLException cannot(Object v, String target) {
        return Errors.translate(ExternalValues.cannotConvert(v, target));
    }
}
