package dev.lightningdb.sql.result;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column's SQL type with its length or precision and scale. Values of a type are held in
 * Calcite's internal representation (see {@link Kind}); {@code types.ValueCoercion} converts into it.
 *
 * @param kind the type
 * @param precision length for CHAR/VARCHAR/BINARY/VARBINARY, digits for DECIMAL; {@link #UNBOUNDED} if not given
 * @param scale digits after the point for DECIMAL, else 0
 */
public record ColumnType(Kind kind, int precision, int scale) {
    public static final int UNBOUNDED = -1;
    public static final int MAX_DECIMAL_PRECISION = 1000;
    public static final int DEFAULT_DECIMAL_PRECISION = 38;

    /** The supported types and the Java class of their internal representation. */
    public enum Kind {
        BOOLEAN(SqlTypeName.BOOLEAN, Boolean.class),
        TINYINT(SqlTypeName.TINYINT, Byte.class),
        SMALLINT(SqlTypeName.SMALLINT, Short.class),
        INTEGER(SqlTypeName.INTEGER, Integer.class),
        BIGINT(SqlTypeName.BIGINT, Long.class),
        REAL(SqlTypeName.REAL, Float.class),
        DOUBLE(SqlTypeName.DOUBLE, Double.class),
        DECIMAL(SqlTypeName.DECIMAL, java.math.BigDecimal.class),
        CHAR(SqlTypeName.CHAR, String.class),
        VARCHAR(SqlTypeName.VARCHAR, String.class),
        BINARY(SqlTypeName.BINARY, org.apache.calcite.avatica.util.ByteString.class),
        VARBINARY(SqlTypeName.VARBINARY, org.apache.calcite.avatica.util.ByteString.class),
        /** Days since 1970-01-01, as Integer. */
        DATE(SqlTypeName.DATE, Integer.class),
        /** Milliseconds since midnight, as Integer. */
        TIME(SqlTypeName.TIME, Integer.class),
        /** Milliseconds since 1970-01-01T00:00 of a zone-less date-time, as Long. */
        TIMESTAMP(SqlTypeName.TIMESTAMP, Long.class),
        /** An instant, as Long milliseconds since 1970-01-01T00:00Z; read back at offset UTC. */
        TIMESTAMP_TZ(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, Long.class),
        /** A UUID, as java.util.UUID. */
        UUID(SqlTypeName.UUID, java.util.UUID.class),
        /** A JSON text, validated when stored; Calcite sees a VARCHAR, which its JSON functions take. */
        JSON(SqlTypeName.VARCHAR, String.class);

        final SqlTypeName calcite;
        final Class<?> internalClass;

        Kind(SqlTypeName calcite, Class<?> internalClass) {
            this.calcite = calcite;
            this.internalClass = internalClass;
        }
    }

    public ColumnType {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, UNBOUNDED, 0);
    }

    public static ColumnType sized(Kind kind, int length) {
        if (length < 1 || length > 1 << 30) {
            throw new SqlError(SqlError.SYNTAX, "Length of " + kind + " must be from 1 to " + (1 << 30) + ", got " + length);
        }
        return new ColumnType(kind, length, 0);
    }

    public static ColumnType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new SqlError(SqlError.SYNTAX, "DECIMAL precision must be from 1 to " + MAX_DECIMAL_PRECISION + ", got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new SqlError(SqlError.SYNTAX, "DECIMAL scale must be from 0 to the precision " + precision + ", got " + scale);
        }
        return new ColumnType(Kind.DECIMAL, precision, scale);
    }

    public boolean isBounded() {
        return precision != UNBOUNDED;
    }

    public SqlTypeName sqlTypeName() {
        return kind.calcite;
    }

    /** The JDBC type code ({@code java.sql.Types}) of this type. */
    public int jdbcType() {
        return switch (kind) {
            case TIMESTAMP_TZ -> 2014; // Types.TIMESTAMP_WITH_TIMEZONE
            case UUID, JSON -> 1111; // Types.OTHER, as H2 and PostgreSQL report UUID and JSON
            default -> kind.calcite.getJdbcOrdinal();
        };
    }

    public Class<?> internalClass() {
        return kind.internalClass;
    }

    public boolean isText() {
        return kind == Kind.CHAR || kind == Kind.VARCHAR;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY || kind == Kind.VARBINARY;
    }

    /** The Calcite type of a column of this type. */
    public RelDataType toRelDataType(RelDataTypeFactory factory, boolean nullable) {
        RelDataType t;
        if (kind == Kind.DECIMAL) {
            t = factory.createSqlType(SqlTypeName.DECIMAL, precisionOrDefault(), scale);
        } else if ((isText() || isBinary()) && isBounded()) {
            t = factory.createSqlType(kind.calcite, precision);
        } else if (kind == Kind.TIMESTAMP || kind == Kind.TIME || kind == Kind.TIMESTAMP_TZ) {
            t = factory.createSqlType(kind.calcite, 3);
        } else {
            t = factory.createSqlType(kind.calcite);
        }
        return factory.createTypeWithNullability(t, nullable);
    }

    public int precisionOrDefault() {
        return kind == Kind.DECIMAL && !isBounded() ? DEFAULT_DECIMAL_PRECISION : precision;
    }

    /** Our type for a Calcite type, or an error naming a type we cannot store. */
    public static ColumnType fromRelDataType(RelDataType t) {
        SqlTypeName n = t.getSqlTypeName();
        return switch (n) {
            case BOOLEAN -> of(Kind.BOOLEAN);
            case TINYINT -> of(Kind.TINYINT);
            case SMALLINT -> of(Kind.SMALLINT);
            case INTEGER -> of(Kind.INTEGER);
            case BIGINT -> of(Kind.BIGINT);
            case REAL -> of(Kind.REAL);
            case FLOAT, DOUBLE -> of(Kind.DOUBLE);
            case DECIMAL -> new ColumnType(Kind.DECIMAL, t.getPrecision(), Math.max(0, t.getScale()));
            case CHAR -> new ColumnType(Kind.CHAR, t.getPrecision() > 0 ? t.getPrecision() : UNBOUNDED, 0);
            case VARCHAR -> new ColumnType(Kind.VARCHAR, t.getPrecision() > 0 && t.getPrecision() < 65536 ? t.getPrecision() : UNBOUNDED, 0);
            case BINARY -> new ColumnType(Kind.BINARY, t.getPrecision() > 0 ? t.getPrecision() : UNBOUNDED, 0);
            case VARBINARY -> new ColumnType(Kind.VARBINARY, t.getPrecision() > 0 && t.getPrecision() < 65536 ? t.getPrecision() : UNBOUNDED, 0);
            case DATE -> of(Kind.DATE);
            case TIME -> of(Kind.TIME);
            case TIMESTAMP -> of(Kind.TIMESTAMP);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> of(Kind.TIMESTAMP_TZ);
            case UUID -> of(Kind.UUID);
            case NULL -> of(Kind.VARCHAR);
            default -> throw SqlError.unsupported("Type " + n);
        };
    }

    /** The type as written in DDL, e.g. {@code VARCHAR(20)} or {@code DECIMAL(10,2)}. */
    public String sqlName() {
        String base = kind == Kind.TIMESTAMP_TZ ? "TIMESTAMP WITH TIME ZONE" : kind.name();
        if (kind == Kind.DECIMAL) {
            return base + "(" + precisionOrDefault() + "," + scale + ")";
        }
        return isBounded() ? base + "(" + precision + ")" : base;
    }

    @Override
    public String toString() {
        return sqlName().toLowerCase(Locale.ROOT);
    }
}
