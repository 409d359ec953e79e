package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type rules as LightningDB needs them: wide DECIMALs, VARCHAR for mixed-length CASE, and an
 * AVG of DECIMALs that keeps its fraction (Calcite's default gives the argument's type, so the average
 * of 11.00 and 10.25 would be 10.62; H2 and PostgreSQL give 10.625).
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

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return super.deriveAvgAggType(typeFactory, argumentType);
        }
        int scale = Math.min(argumentType.getScale() + AVG_EXTRA_SCALE, ColumnType.MAX_DECIMAL_PRECISION);
        int precision = Math.min(argumentType.getPrecision() + AVG_EXTRA_SCALE, ColumnType.MAX_DECIMAL_PRECISION);
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale),
                argumentType.isNullable());
    }
}
