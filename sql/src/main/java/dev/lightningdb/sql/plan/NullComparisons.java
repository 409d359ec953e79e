package dev.lightningdb.sql.plan;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Replaces a comparison with a NULL literal ({@code NULL <= x}) by an unknown (a BOOLEAN NULL), which
 * is what it evaluates to. SqlToRelConverter can leave such comparisons behind once it has
 * simplified an operand to NULL (NULLIF(x, x) with x NOT NULL; a CASE whose only reachable branch is
 * NULL), and Calcite's predicate metadata refuses them with an AssertionError ("Comparison with NULL
 * in pulledUpPredicates") when a later step asks which predicates hold. Filter and join conditions are
 * simplified here first, since the rules that rebuild them later simplify them again. Applied to the
 * logical plan, subqueries included, before optimization.
 */
final class NullComparisons {
    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

    private NullComparisons() {
    }

    static RelNode remove(RelNode rel, RexBuilder rexBuilder) {
        RexSimplify simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR);
        return new CallRewriter() {
            @Override
            RexNode rewrite(RexCall c) {
                if (COMPARISONS.contains(c.getKind()) && c.getOperands().size() == 2
                        && (RexLiteral.isNullLiteral(c.getOperands().get(0)) || RexLiteral.isNullLiteral(c.getOperands().get(1)))) {
                    return rexBuilder.makeNullLiteral(rexBuilder.getTypeFactory().createTypeWithNullability(c.getType(), true));
                }
                return c;
            }

            @Override
            RelNode afterRel(RelNode visited) {
                // Calcite simplifies conditions again whenever a rule rebuilds a filter or join, and such a
                // simplification can yield a null comparison: simplify them first, then remove what it left
                if (visited instanceof Filter f) {
                    RexNode c = predicate(f.getCondition());
                    return c == f.getCondition() ? f : f.copy(f.getTraitSet(), f.getInput(), c);
                }
                if (visited instanceof Join j) {
                    RexNode c = predicate(j.getCondition());
                    return c == j.getCondition() ? j
                            : j.copy(j.getTraitSet(), c, j.getLeft(), j.getRight(), j.getJoinType(), j.isSemiJoinDone());
                }
                return visited;
            }

            private RexNode predicate(RexNode condition) {
                RexNode simplified = rewriteExpression(simplify.simplifyUnknownAsFalse(condition));
                return simplified.equals(condition) ? condition : simplified;
            }
        }.apply(rel);
    }
}
