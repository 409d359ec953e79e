package dev.lightningdb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.type.CompositeOperandTypeChecker;
import org.apache.calcite.sql.type.ImplicitCastOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The type a {@code ?} gets where Calcite infers none ({@link LightningValidator}): what the
 * operator's signature asks for at the parameter's position when it names one family of types
 * ({@code SUBSTRING(s, ?)}: INTEGER), else VARCHAR, as PostgreSQL types an unknown parameter as
 * text. A value of another type bound to a VARCHAR parameter still works where its text does
 * ({@code SELECT ? IS NULL} with an integer).
 */
final class ParameterDefaults {
    private final RelDataTypeFactory typeFactory;
    private final RelDataType text;

    ParameterDefaults(RelDataTypeFactory typeFactory) {
        this.typeFactory = typeFactory;
        this.text = nullable(typeFactory.createSqlType(SqlTypeName.VARCHAR));
    }

    /** For a parameter nothing constrains. */
    RelDataType unconstrained() {
        return text;
    }

    /** {@code type} without a length if it is VARCHAR(n) or VARBINARY(n); otherwise {@code type}. */
    RelDataType unbounded(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if ((name != SqlTypeName.VARCHAR && name != SqlTypeName.VARBINARY) || type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
            return type;
        }
        RelDataType wide = typeFactory.createTypeWithNullability(typeFactory.createSqlType(name), type.isNullable());
        return name == SqlTypeName.VARCHAR && type.getCharset() != null && type.getCollation() != null
                ? typeFactory.createTypeWithCharsetAndCollation(wide, type.getCharset(), type.getCollation()) : wide;
    }

    /** For the parameter that is operand {@code index} of {@code call}. */
    RelDataType operand(SqlCall call, int index) {
        SqlTypeFamily family = positionOrCount(call, index)
                ? SqlTypeFamily.INTEGER : family(call.getOperator().getOperandTypeChecker(), call.operandCount(), index);
        SqlTypeName name = family == null ? null : switch (family) {
            case INTEGER -> SqlTypeName.INTEGER;
            case EXACT_NUMERIC -> SqlTypeName.BIGINT;
            case NUMERIC, APPROXIMATE_NUMERIC -> SqlTypeName.DOUBLE;
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            case DATE -> SqlTypeName.DATE;
            case TIME -> SqlTypeName.TIME;
            case TIMESTAMP, DATETIME -> SqlTypeName.TIMESTAMP;
            case BINARY -> SqlTypeName.VARBINARY;
            default -> null; // CHARACTER, STRING, ANY, ...: text
        };
        return name == null ? text : nullable(typeFactory.createSqlType(name));
    }

    /**
     * Whether operand {@code index} of {@code call} is a character position or count of a function whose
     * signature Calcite checks in code rather than by families: {@code SUBSTRING(s FROM ? FOR ?)},
     * {@code POSITION(x IN s FROM ?)}, {@code OVERLAY(s PLACING x FROM ? FOR ?)}.
     */
    private static boolean positionOrCount(SqlCall call, int index) {
        return switch (call.getOperator().getName()) {
            case "SUBSTRING" -> index >= 1;
            case "POSITION" -> index == 2;
            case "OVERLAY" -> index >= 2;
            default -> false;
        };
    }

    /**
     * The family {@code checker} asks for at {@code index} for a call of {@code count} operands, or
     * null: a family checker's own, or that of the first alternative of a composite checker that names
     * one ({@code ABS}: NUMERIC before INTERVAL).
     */
    private static SqlTypeFamily family(SqlOperandTypeChecker checker, int count, int index) {
        if (checker == null || !checker.getOperandCountRange().isValidCount(count)) {
            return null;
        }
        if (checker instanceof ImplicitCastOperandTypeChecker single) {
            try {
                return single.getOperandSqlTypeFamily(index);
            } catch (RuntimeException e) {
                return null; // index past the checker's families (optional operands)
            }
        }
        if (checker instanceof CompositeOperandTypeChecker composite) {
            for (SqlOperandTypeChecker rule : composite.getRules()) {
                SqlTypeFamily f = family(rule, count, index);
                if (f != null) {
                    return f;
                }
            }
            // no alternative for this many operands says: one for fewer may name this position's family
            // (ROUND(?, 1): NUMERIC or a checker of its own for NUMERIC, INTEGER)
            for (SqlOperandTypeChecker rule : composite.getRules()) {
                if (rule instanceof ImplicitCastOperandTypeChecker single && index < rule.getOperandCountRange().getMax()) {
                    return single.getOperandSqlTypeFamily(index);
                }
            }
        }
        return null;
    }

    private RelDataType nullable(RelDataType t) {
        return typeFactory.createTypeWithNullability(t, true);
    }
}
