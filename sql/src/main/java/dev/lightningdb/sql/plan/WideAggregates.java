package dev.lightningdb.sql.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Aggregates whose argument is widened before they accumulate, so that they cannot wrap around: a
 * SUM of BIGINTs accumulates DECIMAL(19, 0)s (the validator typed it as a DECIMAL,
 * {@link LightningTypeSystem}, for which Calcite has no code over BIGINTs), and AVG, the standard
 * deviations and variances of integers accumulate DOUBLEs (the type they have; Calcite computes them
 * from {@code SUM(x)} and {@code SUM(x * x)}, which wrapped in the integer type). Invariant: the widened argument's type gives
 * the call the type it had (Calcite checks it), so each call keeps its type. Applied to the logical
 * plan, window aggregates included.
 */
final class WideAggregates {
    private static final Set<SqlKind> SUMS = EnumSet.of(SqlKind.SUM, SqlKind.SUM0);
    private static final Set<SqlKind> AVERAGES = EnumSet.of(SqlKind.AVG, SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP,
            SqlKind.VAR_POP, SqlKind.VAR_SAMP);
    /** Digits of the largest BIGINT. */
    private static final int BIGINT_DIGITS = 19;

    private WideAggregates() {
    }

    static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
        RexShuttle windows = new RexShuttle() {
            @Override
            public RexNode visitOver(RexOver over) {
                RexOver visited = (RexOver) super.visitOver(over);
                RelDataType wide = wideType(rexBuilder, visited.getKind(), visited.getOperands());
                if (wide == null) {
                    return visited;
                }
                RexWindow w = visited.getWindow(); // RexOver.clone is not supported: a new call over the same window
                return rexBuilder.makeOver(visited.getType(), visited.getAggOperator(),
                        List.of(rexBuilder.makeCast(wide, visited.getOperands().get(0))), w.partitionKeys, w.orderKeys,
                        w.getLowerBound(), w.getUpperBound(), w.getExclude(), w.isRows(), true, false, visited.isDistinct(),
                        visited.ignoreNulls());
            }
        };
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other).accept(windows);
                return visited instanceof LogicalAggregate a ? widen(a, rexBuilder) : visited;
            }
        });
    }

    /** The type the single argument {@code operands} of an aggregate of {@code kind} is cast to, or null to keep it. */
    private static RelDataType wideType(RexBuilder rexBuilder, SqlKind kind, List<RexNode> operands) {
        if (operands.size() != 1) {
            return null;
        }
        SqlTypeName type = operands.get(0).getType().getSqlTypeName();
        boolean nullable = operands.get(0).getType().isNullable();
        var factory = rexBuilder.getTypeFactory();
        RelDataType wide = null;
        if (SUMS.contains(kind) && type == SqlTypeName.BIGINT) {
            wide = factory.createSqlType(SqlTypeName.DECIMAL, BIGINT_DIGITS, 0);
        } else if (AVERAGES.contains(kind) && SqlTypeName.INT_TYPES.contains(type)) {
            wide = factory.createSqlType(SqlTypeName.DOUBLE);
        }
        return wide == null ? null : factory.createTypeWithNullability(wide, nullable);
    }

    private static RelNode widen(LogicalAggregate aggregate, RexBuilder rexBuilder) {
        RelNode input = aggregate.getInput();
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
            projects.add(rexBuilder.makeInputRef(input, i));
        }
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            List<RexNode> args = call.getArgList().stream().map(i -> (RexNode) rexBuilder.makeInputRef(input, i)).toList();
            RelDataType wide = wideType(rexBuilder, call.getAggregation().getKind(), args);
            if (wide == null) {
                calls.add(call);
                continue;
            }
            projects.add(rexBuilder.makeCast(wide, args.get(0)));
            calls.add(call.withArgList(List.of(projects.size() - 1)));
            changed = true;
        }
        if (!changed) {
            return aggregate;
        }
        RelNode project = LogicalProject.create(input, List.of(), projects, (List<String>) null, Set.of());
        return aggregate.copy(aggregate.getTraitSet(), project, aggregate.getGroupSet(), aggregate.getGroupSets(), calls);
    }
}
