package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableRepeatUnion;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * Stops a recursive query that does not end. Calcite runs {@code WITH RECURSIVE} as a repeat-union
 * whose recursive step reads only the rows of the step before, so a step that never runs out of rows
 * would loop for ever, and no table scan (where cancellation is checked) need run in it. This node
 * sits on the recursive step: each row checks the statement's cancel flag (Statement.cancel, the
 * query timeout), and a step run more than {@link #MAX_ITERATIONS} times fails with 54001.
 */
public final class RecursionGuard extends SingleRel implements EnumerableRel {
    /** The recursion depth allowed: far beyond real hierarchies, and a runaway reaches it within a second or two. */
    public static final int MAX_ITERATIONS = 100_000;

    private RecursionGuard(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, traits, input);
    }

    /** {@code plan} with the recursive step of every repeat-union under a guard. */
    static RelNode apply(RelNode plan) {
        List<RelNode> inputs = new ArrayList<>(plan.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = apply(inputs.get(i));
            if (plan instanceof EnumerableRepeatUnion && i == 1) {
                input = new RecursionGuard(input.getCluster(), input.getTraitSet(), input);
            }
            changed |= input != inputs.get(i);
            inputs.set(i, input);
        }
        return changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new RecursionGuard(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        Result step = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        Expression rows = builder.append("step", step.block);
        builder.add(Expressions.return_(null, Expressions.call(RecursionGuard.class, "guard", rows, DataContext.ROOT)));
        return implementor.result(step.physType, builder.toBlock());
    }

    /** Called by the generated code: the recursive step's rows, checked. */
    public static <T> Enumerable<T> guard(Enumerable<T> step, DataContext root) {
        Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
        AtomicBoolean cancel = flag instanceof AtomicBoolean b ? b : new AtomicBoolean();
        return new AbstractEnumerable<T>() {
            private int iterations;

            @Override
            public Enumerator<T> enumerator() {
                if (++iterations > MAX_ITERATIONS) {
                    throw new SqlError(SqlError.TOO_COMPLEX, "A recursive query ran its recursive part more than " + MAX_ITERATIONS
                            + " times: does its recursion end?");
                }
                Enumerator<T> rows = step.enumerator();
                return new Enumerator<T>() {
                    @Override
                    public T current() {
                        return rows.current();
                    }

                    @Override
                    public boolean moveNext() {
                        if (cancel.get()) {
                            throw new SqlError(SqlError.CANCELLED, "Statement was cancelled");
                        }
                        return rows.moveNext();
                    }

                    @Override
                    public void reset() {
                        rows.reset();
                    }

                    @Override
                    public void close() {
                        rows.close();
                    }
                };
            }
        };
    }
}
