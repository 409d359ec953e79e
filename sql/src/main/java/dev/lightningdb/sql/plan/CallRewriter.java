package dev.lightningdb.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * Rewrites the calls of a logical plan, bottom up, in every relational expression and every
 * subquery's plan: the walk the plan fixes before optimization ({@link CheckedArithmetic},
 * {@link NullComparisons}) share; each says only what becomes of one call.
 */
abstract class CallRewriter {
    private final Rels rels = new Rels();
    private final Exprs exprs = new Exprs();

    /** The rewritten plan. */
    final RelNode apply(RelNode rel) {
        return rel.accept(rels);
    }

    /** What {@code call} (its operands already rewritten) becomes; the call itself to keep it. */
    abstract RexNode rewrite(RexCall call);

    /** What a subquery (its operands and plan already rewritten) becomes; itself by default. */
    RexNode rewriteSubQuery(RexSubQuery subQuery) {
        return subQuery;
    }

    /** A step after a relational expression's own expressions were rewritten; none by default. */
    RelNode afterRel(RelNode rel) {
        return rel;
    }

    /** Rewrites the calls of one expression (and of the subqueries in it). */
    final RexNode rewriteExpression(RexNode expression) {
        return expression.accept(exprs);
    }

    private final class Rels extends RelHomogeneousShuttle {
        @Override
        public RelNode visit(RelNode other) {
            return afterRel(super.visit(other).accept(exprs));
        }
    }

    private final class Exprs extends RexShuttle {
        @Override
        public RexNode visitCall(RexCall call) {
            RexNode visited = super.visitCall(call);
            return visited instanceof RexCall c ? rewrite(c) : visited;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
            RelNode rel = visited.rel.accept(rels);
            return rewriteSubQuery(rel == visited.rel ? visited : visited.clone(rel));
        }
    }
}
