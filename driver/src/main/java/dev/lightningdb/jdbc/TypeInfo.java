package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.ColumnType;

/** JDBC's view of a column type: sizes, class names and flags, shared by all metadata. */
final class TypeInfo {
    private TypeInfo() {
    }

    /** Precision (numbers), length in characters or bytes (text, binary) or display length (dates). */
    static int precision(ColumnType t) {
        return switch (t.kind()) {
            case BOOLEAN -> 1;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case REAL -> 7;
            case DOUBLE -> 17;
            case DECIMAL -> t.precisionOrDefault();
            case CHAR, VARCHAR, JSON, BINARY, VARBINARY -> t.isBounded() ? t.precision() : Integer.MAX_VALUE;
            case DATE -> 10;
            case TIME -> 12;
            case TIMESTAMP -> 23;
            case TIMESTAMP_TZ -> 29;
            case UUID -> 36;
        };
    }

    static int scale(ColumnType t) {
        return switch (t.kind()) {
            case DECIMAL -> t.scale();
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> 3;
            default -> 0;
        };
    }

    static int displaySize(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> precision(t) + 1;
            case REAL -> 15;
            case DOUBLE -> 24;
            case DECIMAL -> t.precisionOrDefault() + 2;
            case BOOLEAN -> 5;
            case BINARY, VARBINARY -> t.isBounded() ? t.precision() * 2 : Integer.MAX_VALUE;
            default -> precision(t);
        };
    }

    /** The class {@code getObject} returns for this type. */
    static String className(ColumnType t) {
        return switch (t.kind()) {
            case BOOLEAN -> Boolean.class.getName();
            case TINYINT -> Byte.class.getName();
            case SMALLINT -> Short.class.getName();
            case INTEGER -> Integer.class.getName();
            case BIGINT -> Long.class.getName();
            case REAL -> Float.class.getName();
            case DOUBLE -> Double.class.getName();
            case DECIMAL -> java.math.BigDecimal.class.getName();
            case CHAR, VARCHAR, JSON -> String.class.getName();
            case BINARY, VARBINARY -> "[B";
            case DATE -> java.sql.Date.class.getName();
            case TIME -> java.sql.Time.class.getName();
            case TIMESTAMP -> java.sql.Timestamp.class.getName();
            case TIMESTAMP_TZ -> java.time.OffsetDateTime.class.getName();
            case UUID -> java.util.UUID.class.getName();
        };
    }

    static boolean isSigned(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL -> true;
            default -> false;
        };
    }

    /** The radix of a numeric type's precision, or null for other types (as getColumns reports it). */
    static Integer radix(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> 10;
            case REAL, DOUBLE -> 2;
            default -> null;
        };
    }
}
