package dev.lightningdb.sql.plan;

import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's Java type factory, except that a date/time type and a number or BOOLEAN have no least
 * restrictive type. Calcite's answer (the date/time type) made {@code SELECT DATE '2020-06-15'
 * UNION SELECT 2} pass validation and then fail inside a planner rule that compared a date with an
 * integer; with no common type the validator reports "Type mismatch in column 1 of UNION" (42000).
 */
final class LightningTypeFactory extends JavaTypeFactoryImpl {
    LightningTypeFactory() {
        super(LightningTypeSystem.INSTANCE);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types) {
        boolean datetime = false;
        boolean numberOrBoolean = false;
        for (RelDataType t : types) {
            datetime |= SqlTypeUtil.isDatetime(t);
            numberOrBoolean |= SqlTypeUtil.isNumeric(t) || SqlTypeUtil.isBoolean(t);
        }
        return datetime && numberOrBoolean ? null : super.leastRestrictive(types);
    }
}
