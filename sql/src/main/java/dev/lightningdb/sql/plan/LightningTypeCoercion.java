package dev.lightningdb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit coercion, except that a BOOLEAN is compared with integers only. Calcite turns
 * {@code b = n} into a comparison of 1/0 with {@code n} for any numeric {@code n}, but for DOUBLE,
 * REAL or DECIMAL it fails an internal assertion and generates code that does not compile. Refused
 * here, such a comparison is a validation error ("Cannot apply '=' to arguments of type ...").
 * (Date/time against number has no common type at all: {@link LightningTypeFactory}.)
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

    private static boolean booleanAndNonInteger(RelDataType a, RelDataType b) {
        return SqlTypeUtil.isBoolean(a) && SqlTypeUtil.isNumeric(b) && !SqlTypeUtil.isIntType(b);
    }
}
