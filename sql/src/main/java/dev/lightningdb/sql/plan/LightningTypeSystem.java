package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type rules as LightningDB needs them: wide DECIMALs, VARCHAR for mixed-length CASE, and
 * aggregates typed as H2 types them. Calcite's defaults give SUM and AVG their argument's type, so a
 * SUM of INTEGERs wrapped past 2^31-1, the average of 1 and 2 was 1, and the average of 11.00 and
 * 10.25 was 10.62. Here (as H2): SUM of TINYINT, SMALLINT or INTEGER is a BIGINT and SUM of a BIGINT a
 * DECIMAL(29, 0), of a DECIMAL(p, s) a DECIMAL(p + 10, s); AVG of any integer type is a DOUBLE (H2 gives a DECIMAL(29, 10) for
 * BIGINTs; a DOUBLE as JPA's AVG and as the standard deviations and variances, which Calcite types by
 * the same rule), and AVG of a DECIMAL keeps 10 more fraction digits (11.00 and 10.25 give 10.625).
 */
public final class LightningTypeSystem extends RelDataTypeSystemImpl {
    public static final LightningTypeSystem INSTANCE = new LightningTypeSystem();

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return ColumnType.MAX_DECIMAL_PRECISION;
        }
        return super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        if (typeName == SqlTypeName.DECIMAL) {
            return ColumnType.MAX_DECIMAL_PRECISION;
        }
        return super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    /** Extra fraction digits of an AVG of DECIMALs, as H2 gives. */
    private static final int AVG_EXTRA_SCALE = 10;

    /** Extra digits of a SUM of DECIMALs, as H2 gives (room for 10^10 rows). */
    private static final int SUM_EXTRA_PRECISION = 10;
    /** Digits of a SUM of BIGINTs, as H2 gives: room for 10^10 rows of the largest BIGINT. */
    private static final int BIGINT_SUM_PRECISION = 29;

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        if (name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT || name == SqlTypeName.INTEGER) {
            return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType);
        }
        if (name == SqlTypeName.BIGINT) { // accumulated as DECIMALs: WideAggregates
            return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DECIMAL, BIGINT_SUM_PRECISION, 0), argumentType);
        }
        if (name == SqlTypeName.DECIMAL) {
            int precision = Math.min(argumentType.getPrecision() + SUM_EXTRA_PRECISION, ColumnType.MAX_DECIMAL_PRECISION);
            return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, argumentType.getScale()),
                    argumentType);
        }
        return super.deriveSumType(typeFactory, argumentType);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        if (SqlTypeName.INT_TYPES.contains(name)) { // accumulated as DOUBLEs: WideAggregates
            return nullableAs(typeFactory, typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType);
        }
        if (name != SqlTypeName.DECIMAL) {
            return super.deriveAvgAggType(typeFactory, argumentType);
        }
        int scale = Math.min(argumentType.getScale() + AVG_EXTRA_SCALE, ColumnType.MAX_DECIMAL_PRECISION);
        int precision = Math.min(argumentType.getPrecision() + AVG_EXTRA_SCALE, ColumnType.MAX_DECIMAL_PRECISION);
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale),
                argumentType.isNullable());
    }

    private static RelDataType nullableAs(RelDataTypeFactory typeFactory, RelDataType type, RelDataType argumentType) {
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }
}
