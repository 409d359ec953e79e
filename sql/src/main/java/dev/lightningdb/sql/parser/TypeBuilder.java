package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ColumnType.Kind;
import org.antlr.v4.runtime.Token;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns a {@code dataType} parse tree into a {@link ColumnType}. */
final class TypeBuilder {
    private TypeBuilder() {
    }

    static ColumnType type(DataTypeContext ctx) {
        if (ctx instanceof BooleanTypeContext) {
            return ColumnType.of(Kind.BOOLEAN);
        }
        if (ctx instanceof TinyintTypeContext) {
            return ColumnType.of(Kind.TINYINT);
        }
        if (ctx instanceof SmallintTypeContext) {
            return ColumnType.of(Kind.SMALLINT);
        }
        if (ctx instanceof IntegerTypeContext) {
            return ColumnType.of(Kind.INTEGER);
        }
        if (ctx instanceof BigintTypeContext) {
            return ColumnType.of(Kind.BIGINT);
        }
        if (ctx instanceof RealTypeContext) {
            return ColumnType.of(Kind.REAL);
        }
        if (ctx instanceof DoubleTypeContext) {
            return ColumnType.of(Kind.DOUBLE);
        }
        if (ctx instanceof DecimalTypeContext d) {
            if (d.precision == null) {
                return ColumnType.decimal(ColumnType.DEFAULT_DECIMAL_PRECISION, 0);
            }
            return ColumnType.decimal(number(d.precision), d.scale == null ? 0 : number(d.scale));
        }
        if (ctx instanceof CharTypeContext c) {
            return ColumnType.sized(Kind.CHAR, c.length == null ? 1 : number(c.length));
        }
        if (ctx instanceof VarcharTypeContext v) {
            return v.length == null ? ColumnType.of(Kind.VARCHAR) : ColumnType.sized(Kind.VARCHAR, number(v.length));
        }
        if (ctx instanceof ClobTypeContext) {
            return ColumnType.of(Kind.VARCHAR);
        }
        if (ctx instanceof BlobTypeContext) {
            return ColumnType.of(Kind.VARBINARY);
        }
        if (ctx instanceof JsonTypeContext) {
            return ColumnType.of(Kind.JSON);
        }
        if (ctx instanceof UuidTypeContext) {
            return ColumnType.of(Kind.UUID);
        }
        if (ctx instanceof TimestampTzTypeContext) {
            return ColumnType.of(Kind.TIMESTAMP_TZ);
        }
        if (ctx instanceof TimeWithPrecisionTypeContext) {
            return ColumnType.of(Kind.TIME);
        }
        if (ctx instanceof VarbinaryTypeContext v) {
            return v.length == null ? ColumnType.of(Kind.VARBINARY) : ColumnType.sized(Kind.VARBINARY, number(v.length));
        }
        if (ctx instanceof BinaryTypeContext b) {
            return ColumnType.sized(Kind.BINARY, b.length == null ? 1 : number(b.length));
        }
        if (ctx instanceof DateTypeContext) {
            return ColumnType.of(Kind.DATE);
        }
        if (ctx instanceof TimeTypeContext) {
            return ColumnType.of(Kind.TIME);
        }
        return ColumnType.of(Kind.TIMESTAMP);
    }

    private static int number(Token t) {
        try {
            return Integer.parseInt(t.getText());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // rejected by the range checks of ColumnType
        }
    }

    /** The Calcite type of a column type, for CAST. */
    static SqlDataTypeSpec typeSpec(ColumnType type, SqlParserPos p) {
        SqlBasicTypeNameSpec name;
        if (type.kind() == Kind.DECIMAL) {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), type.precisionOrDefault(), type.scale(), p);
        } else if (type.isBounded()) {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), type.precision(), p);
        } else {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), p);
        }
        return new SqlDataTypeSpec(name, p);
    }
}
