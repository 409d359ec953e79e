package dev.lightningdb.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
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
 * BigDecimal, String, byte[], LocalDate, LocalTime, LocalDateTime). A value that cannot convert
 * is an {@link SQLDataException} naming both types, never a ClassCastException.
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
        if (x instanceof Character || x instanceof Enum<?>) {
            return x.toString();
        }
        if (x instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new SQLDataException("Parameters of type " + x.getClass().getName() + " are not supported", "22023");
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
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new SQLDataException("Value " + d + " cannot be read as " + target, "22003");
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new SQLDataException("Value '" + s + "' cannot be read as " + target, "22018", e);
            }
        }
        throw cannot(v, target);
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
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new SQLDataException("Value '" + s + "' cannot be read as " + target, "22018", e);
            }
        }
        throw cannot(v, target);
    }

    static boolean bool(Object v) throws SQLException {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("true") || t.equals("1") || t.equalsIgnoreCase("t") || t.equalsIgnoreCase("yes")) {
                return true;
            }
            if (t.equalsIgnoreCase("false") || t.equals("0") || t.equalsIgnoreCase("f") || t.equalsIgnoreCase("no")) {
                return false;
            }
        }
        throw cannot(v, "boolean");
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
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.trim());
            } catch (java.time.DateTimeException e) {
                throw new SQLDataException("Value '" + s + "' cannot be read as a date", "22007", e);
            }
        }
        throw cannot(v, "date");
    }

    static LocalTime toLocalTime(Object v) throws SQLException {
        if (v == null || v instanceof LocalTime) {
            return (LocalTime) v;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (v instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (java.time.DateTimeException e) {
                throw new SQLDataException("Value '" + s + "' cannot be read as a time", "22007", e);
            }
        }
        throw cannot(v, "time");
    }

    static LocalDateTime toLocalDateTime(Object v) throws SQLException {
        if (v == null || v instanceof LocalDateTime) {
            return (LocalDateTime) v;
        }
        if (v instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof String s) {
            try {
                return Timestamp.valueOf(s.trim()).toLocalDateTime();
            } catch (IllegalArgumentException e) {
                throw new SQLDataException("Value '" + s + "' cannot be read as a timestamp", "22007", e);
            }
        }
        throw cannot(v, "timestamp");
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

    static SQLDataException cannot(Object v, String target) {
        return new SQLDataException("A value of type " + v.getClass().getSimpleName() + " cannot be read as " + target, "22018");
    }
}
