package dev.lightningdb.sql.plan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Puts the {@link RuntimeChecks} into the logical plan where Calcite's functions would give a wrong
 * result: ABS of an integer type (ABS(-2147483648) wrapped to itself), POWER and SQRT outside their
 * domain (Infinity, NaN; SQRT is a POWER), and the string functions whose result can grow without bound (REPEAT, LPAD,
 * RPAD, ||, CONCAT), which ran the JVM out of heap; and text cast to TIME, whose out-of-range
 * fields Calcite wraps around. Each call keeps its type: a function is replaced
 * by a check of the same type, or an operand by a check that returns it. Applied to the logical plan,
 * subqueries included, as {@link CheckedArithmetic}.
 */
final class CheckedFunctions {
    private static final Map<SqlTypeName, SqlOperator> ABS = Map.of(
            SqlTypeName.INTEGER, check("abs", int.class),
            SqlTypeName.BIGINT, check("abs", long.class),
            SqlTypeName.SMALLINT, check("abs", short.class),
            SqlTypeName.TINYINT, check("abs", byte.class));
    private static final SqlOperator POWER = check("power", double.class, double.class);
    private static final SqlOperator REPEAT_COUNT = check("repeatCount", String.class, int.class);
    private static final SqlOperator PAD_LENGTH = check("padLength", int.class);
    private static final SqlOperator CONCATENATED = check("concatenated", String.class);
    private static final SqlOperator TIME_TEXT = check("timeText", String.class);

    private CheckedFunctions() {
    }

    static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
        return new CallRewriter() {
            @Override
            RexNode rewrite(RexCall c) {
                return CheckedFunctions.rewrite(c, rexBuilder);
            }
        }.apply(rel);
    }

    private static RexNode rewrite(RexCall c, RexBuilder rexBuilder) {
        List<RexNode> operands = c.getOperands();
        if (c.getKind() == SqlKind.CAST && c.getType().getSqlTypeName() == SqlTypeName.TIME
                && SqlTypeName.CHAR_TYPES.contains(operands.get(0).getType().getSqlTypeName())) {
            return c.clone(c.getType(), List.of(rexBuilder.makeCall(operands.get(0).getType(), TIME_TEXT, operands)));
        }
        String name = c.getOperator().getName();
        switch (name) {
            case "ABS" -> {
                SqlOperator abs = ABS.get(c.getType().getSqlTypeName());
                return abs == null || operands.get(0).getType().getSqlTypeName() != c.getType().getSqlTypeName()
                        ? c : rexBuilder.makeCall(c.getType(), abs, operands);
            }
            case "POWER" -> { // SQRT(x) too: Calcite makes it POWER(x, 0.5)
                if (c.getType().getSqlTypeName() != SqlTypeName.DOUBLE) {
                    return c;
                }
                List<RexNode> doubles = new ArrayList<>();
                for (RexNode o : operands) {
                    doubles.add(cast(rexBuilder, o, SqlTypeName.DOUBLE));
                }
                return rexBuilder.makeCall(c.getType(), POWER, doubles);
            }
            case "REPEAT" -> {
                RexNode count = rexBuilder.makeCall(operands.get(1).getType(), REPEAT_COUNT,
                        List.of(operands.get(0), cast(rexBuilder, operands.get(1), SqlTypeName.INTEGER)));
                return c.clone(c.getType(), List.of(operands.get(0), count));
            }
            case "LPAD", "RPAD" -> {
                List<RexNode> checked = new ArrayList<>(operands);
                checked.set(1, rexBuilder.makeCall(operands.get(1).getType(), PAD_LENGTH,
                        List.of(cast(rexBuilder, operands.get(1), SqlTypeName.INTEGER))));
                return c.clone(c.getType(), checked);
            }
            case "||", "CONCAT" -> {
                return SqlTypeName.CHAR_TYPES.contains(c.getType().getSqlTypeName())
                        ? rexBuilder.makeCall(c.getType(), CONCATENATED, List.of(c)) : c;
            }
            default -> {
                return c;
            }
        }
    }

    /** {@code operand} as {@code type} (nullable as it is), cast only if it has another type. */
    private static RexNode cast(RexBuilder rexBuilder, RexNode operand, SqlTypeName type) {
        if (operand.getType().getSqlTypeName() == type) {
            return operand;
        }
        RelDataType t = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(type), operand.getType().isNullable());
        return rexBuilder.makeCast(t, operand);
    }

    /** A function whose code calls {@code RuntimeChecks.<method>}; every call gives its own type. */
    static SqlOperator check(String method, Class<?>... parameterTypes) {
        try {
            Method m = RuntimeChecks.class.getMethod(method, parameterTypes);
            return new SqlUserDefinedFunction(new SqlIdentifier(method.toUpperCase(java.util.Locale.ROOT), SqlParserPos.ZERO),
                    SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, null, ScalarFunctionImpl.create(m));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
