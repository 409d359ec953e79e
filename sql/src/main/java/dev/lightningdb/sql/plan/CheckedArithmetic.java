package dev.lightningdb.sql.plan;

import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Integer {@code +, -, *, /} and negation that fail with an overflow (22003) instead of wrapping
 * around as Java's int and long arithmetic does: each such call of an exact integer type becomes
 * Calcite's checked operator, with the same operands and the same type. Applied to the logical plan,
 * subqueries included.
 */
final class CheckedArithmetic {
    private static final Map<SqlKind, SqlOperator> CHECKED = Map.of(
            SqlKind.PLUS, SqlStdOperatorTable.CHECKED_PLUS,
            SqlKind.MINUS, SqlStdOperatorTable.CHECKED_MINUS,
            SqlKind.TIMES, SqlStdOperatorTable.CHECKED_MULTIPLY,
            SqlKind.DIVIDE, SqlStdOperatorTable.CHECKED_DIVIDE,
            SqlKind.MINUS_PREFIX, SqlStdOperatorTable.CHECKED_UNARY_MINUS);

    private CheckedArithmetic() {
    }

    static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
        return new CallRewriter() {
            @Override
            RexNode rewrite(RexCall c) {
                if (CHECKED.containsKey(c.getKind()) && isInteger(c)) {
                    return rexBuilder.makeCall(c.getParserPosition(), c.getType(), CHECKED.get(c.getKind()), c.getOperands());
                }
                return c;
            }
        }.apply(rel);
    }

    private static boolean isInteger(RexCall c) {
        if (!SqlTypeName.INT_TYPES.contains(c.getType().getSqlTypeName())) {
            return false;
        }
        for (RexNode operand : c.getOperands()) {
            if (!SqlTypeName.INT_TYPES.contains(operand.getType().getSqlTypeName())) {
                return false; // interval or date arithmetic, whose operators have no checked form
            }
        }
        return true;
    }
}
