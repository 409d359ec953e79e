package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * UUIDs ordered as their keys are, as H2 and PostgreSQL order them: by their 128 bits unsigned. Java's
 * {@code UUID.compareTo}, which Calcite's code uses, compares the two halves as signed numbers (so
 * 8000...-... sorted before 7fff...). A UUID's text (lowercase hex digits in fixed places) sorts as its
 * bits do unsigned, so ORDER BY sorts by that text, {@code < <= > >=} compare it, and MIN and MAX
 * (for which Calcite has no code over UUIDs) take the least and greatest text, cast back to a UUID.
 * A CAST of a UUID to text (Calcite's own code for it does not compile: rows hold UUIDs as Objects)
 * calls {@link RuntimeChecks#uuidText} too. Equality needs
 * nothing: the two orders agree on it.
 */
final class UuidOrder {
    private static final Set<SqlKind> ORDERINGS = EnumSet.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);
    private static final Set<SqlKind> EXTREMES = EnumSet.of(SqlKind.MIN, SqlKind.MAX);
    private static final SqlOperator UUID_TEXT = CheckedFunctions.check("uuidText", Object.class);
    /** Characters of a UUID's text. */
    private static final int TEXT_LENGTH = 36;

    private UuidOrder() {
    }

    static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
        return new CallRewriter() {
            @Override
            RexNode rewrite(RexCall c) {
                if (c.getKind() == SqlKind.CAST && isUuid(c.getOperands().get(0).getType())
                        && SqlTypeName.CHAR_TYPES.contains(c.getType().getSqlTypeName())) {
                    return rexBuilder.makeCast(c.getType(), text(rexBuilder, c.getOperands().get(0)), true, false);
                }
                if (!c.isA(ORDERINGS) || c.getOperands().stream().noneMatch(o -> isUuid(o.getType()))) {
                    return c;
                }
                List<RexNode> texts = new ArrayList<>();
                for (RexNode o : c.getOperands()) {
                    RexNode fromText = textCastToUuid(o);
                    texts.add(fromText != null ? normalized(rexBuilder, fromText)
                            : isUuid(o.getType()) ? text(rexBuilder, o) : normalized(rexBuilder, o));
                }
                return rexBuilder.makeCall(c.getParserPosition(), c.getOperator(), texts);
            }

            @Override
            RelNode afterRel(RelNode rel) {
                if (rel instanceof LogicalAggregate aggregate) {
                    return extremesByText(aggregate, rexBuilder);
                }
                return rel instanceof LogicalSort sort ? sortByText(sort, rexBuilder) : rel;
            }
        }.apply(rel);
    }

    /** {@code sort} with each UUID sort key replaced by its text (added below it, removed above it). */
    private static RelNode sortByText(LogicalSort sort, RexBuilder rexBuilder) {
        RelNode input = sort.getInput();
        List<RelDataType> types = input.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        if (sort.getCollation().getFieldCollations().stream().noneMatch(f -> isUuid(types.get(f.getFieldIndex())))) {
            return sort;
        }
        List<RexNode> below = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            below.add(rexBuilder.makeInputRef(input, i));
        }
        List<RelFieldCollation> keys = new ArrayList<>();
        for (RelFieldCollation f : sort.getCollation().getFieldCollations()) {
            if (isUuid(types.get(f.getFieldIndex()))) {
                below.add(text(rexBuilder, rexBuilder.makeInputRef(input, f.getFieldIndex())));
                keys.add(f.withFieldIndex(below.size() - 1));
            } else {
                keys.add(f);
            }
        }
        RelNode widened = LogicalProject.create(input, List.of(), below, (List<String>) null, Set.of());
        RelNode sorted = LogicalSort.create(widened, RelCollations.of(keys), sort.offset, sort.fetch);
        List<RexNode> above = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            above.add(rexBuilder.makeInputRef(sorted, i));
        }
        return LogicalProject.create(sorted, List.of(), above, input.getRowType().getFieldNames(), Set.of());
    }

    /** {@code aggregate} with each MIN or MAX of a UUID taken over its text (added below it, cast back above it). */
    private static RelNode extremesByText(LogicalAggregate aggregate, RexBuilder rexBuilder) {
        RelNode input = aggregate.getInput();
        List<RexNode> below = new ArrayList<>();
        for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
            below.add(rexBuilder.makeInputRef(input, i));
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (EXTREMES.contains(call.getAggregation().getKind()) && call.getArgList().size() == 1 && isUuid(call.getType())) {
                below.add(text(rexBuilder, rexBuilder.makeInputRef(input, call.getArgList().get(0))));
                RelDataType textType = below.get(below.size() - 1).getType();
                calls.add(AggregateCall.create(call.getAggregation(), call.isDistinct(), call.isApproximate(), call.ignoreNulls(),
                        call.rexList, List.of(below.size() - 1), call.filterArg, call.distinctKeys, call.collation,
                        aggregate.getGroupCount(), input, rexBuilder.getTypeFactory().createTypeWithNullability(textType,
                                call.getType().isNullable()), call.getName()));
            } else {
                calls.add(call);
            }
        }
        if (below.size() == input.getRowType().getFieldCount()) {
            return aggregate;
        }
        RelNode widened = LogicalProject.create(input, List.of(), below, (List<String>) null, Set.of());
        RelNode textual = aggregate.copy(aggregate.getTraitSet(), widened, aggregate.getGroupSet(), aggregate.getGroupSets(), calls);
        List<RexNode> above = new ArrayList<>();
        List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            RexNode ref = rexBuilder.makeInputRef(textual, i);
            above.add(isUuid(fields.get(i).getType()) && !isUuid(ref.getType()) ? rexBuilder.makeCast(fields.get(i).getType(), ref) : ref);
        }
        return LogicalProject.create(textual, List.of(), above, aggregate.getRowType().getFieldNames(), Set.of());
    }

    /** The UUID's text (Calcite's own CAST does not compile: the rows hold UUIDs as Objects). */
    private static RexNode text(RexBuilder rexBuilder, RexNode uuid) {
        var factory = rexBuilder.getTypeFactory();
        return rexBuilder.makeCall(factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.CHAR, TEXT_LENGTH),
                uuid.getType().isNullable()), UUID_TEXT, List.of(uuid));
    }

    /** The text of a CAST of text to UUID (the coercion of {@code id > '...'}), else null. */
    private static RexNode textCastToUuid(RexNode operand) {
        if (operand.getKind() == SqlKind.CAST && operand instanceof RexCall cast && isUuid(cast.getType())
                && SqlTypeName.CHAR_TYPES.contains(cast.getOperands().get(0).getType().getSqlTypeName())) {
            return cast.getOperands().get(0);
        }
        return null;
    }

    /** Text compared with a UUID's, as a UUID's text is written: a literal parsed and written again, else in lower case. */
    private static RexNode normalized(RexBuilder rexBuilder, RexNode text) {
        if (text instanceof RexLiteral literal && literal.getValue() instanceof NlsString s) {
            try {
                return rexBuilder.makeLiteral(UUID.fromString(s.getValue().trim()).toString());
            } catch (IllegalArgumentException e) {
                throw new SqlError(SqlError.INVALID_CAST, "Invalid UUID: '" + s.getValue() + "'");
            }
        }
        return rexBuilder.makeCall(SqlStdOperatorTable.LOWER, text);
    }

    private static boolean isUuid(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.UUID;
    }
}
