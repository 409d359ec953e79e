package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.ColumnType;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Calcite's type rules as LightningDB needs them: wide DECIMALs, VARCHAR for mixed-length CASE. */
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
}
