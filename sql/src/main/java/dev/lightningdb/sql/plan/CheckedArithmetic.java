package dev.lightningdb.sql.plan;

import java.util.Map;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
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
        return rel.accept(new Rels(rexBuilder));
    }

    private static final class Rels extends RelHomogeneousShuttle {
        private final Exprs exprs;

        Rels(RexBuilder rexBuilder) {
            this.exprs = new Exprs(rexBuilder, this);
        }

        @Override
        public RelNode visit(RelNode other) {
            return super.visit(other).accept(exprs);
        }
    }

    private static final class Exprs extends RexShuttle {
        private final RexBuilder rexBuilder;
        private final Rels rels;

        Exprs(RexBuilder rexBuilder, Rels rels) {
            this.rexBuilder = rexBuilder;
            this.rels = rels;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            RexNode visited = super.visitCall(call);
            if (visited instanceof RexCall c && CHECKED.containsKey(c.getKind()) && isInteger(c)) {
                return rexBuilder.makeCall(c.getParserPosition(), c.getType(), CHECKED.get(c.getKind()), c.getOperands());
            }
            return visited;
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

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
            RelNode rel = visited.rel.accept(rels);
            return rel == visited.rel ? visited : visited.clone(rel);
        }
    }
}
