package dev.lightningdb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit coercion, minus two conversions it accepts but then fails on:
 * <ul>
 *   <li>A BOOLEAN is compared with integers only. Calcite turns {@code b = n} into a comparison of
 *       1/0 with {@code n} for any numeric {@code n}, but for DOUBLE, REAL or DECIMAL it fails an
 *       internal assertion and generates code that does not compile.</li>
 *   <li>A date/time value and a number or BOOLEAN have no common type. Calcite widened
 *       {@code DATE '2020-06-15' UNION SELECT 2} to DATE and then failed inside a planner rule
 *       comparing a date with an integer.</li>
 * </ul>
 * Refused here, both are validation errors ("Cannot apply '=' to arguments of type ...", "Type
 * mismatch in column 1 of UNION").
 */
final class LightningTypeCoercion extends TypeCoercionImpl {
    LightningTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    protected boolean booleanEquality(SqlCallBinding binding, RelDataType left, RelDataType right) {
        if (booleanAndNonInteger(left, right) || booleanAndNonInteger(right, left)) {
            return false;
        }
        return super.booleanEquality(binding, left, right);
    }

    @Override
    public RelDataType getWiderTypeForTwo(RelDataType a, RelDataType b, boolean stringPromotion) {
        if (a != null && b != null && (datetimeAndNumberOrBoolean(a, b) || datetimeAndNumberOrBoolean(b, a))) {
            return null;
        }
        return super.getWiderTypeForTwo(a, b, stringPromotion);
    }

    private static boolean booleanAndNonInteger(RelDataType a, RelDataType b) {
        return SqlTypeUtil.isBoolean(a) && SqlTypeUtil.isNumeric(b) && !SqlTypeUtil.isIntType(b);
    }

    private static boolean datetimeAndNumberOrBoolean(RelDataType a, RelDataType b) {
        return SqlTypeUtil.isDatetime(a) && (SqlTypeUtil.isNumeric(b) || SqlTypeUtil.isBoolean(b));
    }
}
