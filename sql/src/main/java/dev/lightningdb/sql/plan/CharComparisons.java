package dev.lightningdb.sql.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Comparisons with a CHAR(n) value ignore trailing spaces, as in H2, PostgreSQL and the standard (PAD
 * SPACE): CHAR(4) 'ab' (stored 'ab  ') equals 'ab', 'ab   ' and VARCHAR 'ab'. Calcite instead casts
 * both sides of {@code c = 'ab'} to VARCHAR(4) (mixed-length CHARs have VARCHAR as their common type, so
 * that CASE and UNION results are not padded) and then counts the pad spaces. Rewritten on the
 * logical plan, for each comparison where a side is CHAR (or a CAST of a CHAR):
 * <ul>
 *   <li>against a string literal, the literal becomes a CHAR of the same length, without its trailing
 *       spaces and padded again, so that the comparison stays one a key or index range can serve;
 *   <li>otherwise (CHAR against VARCHAR, CHAR(4) against CHAR(6), a literal longer than the CHAR) both
 *       sides lose their trailing spaces before they are compared.
 * </ul>
 * {@code x IN (SELECT y ...)} with a CHAR on either side compares both without trailing spaces.
 * Two CHARs of the same length are compared as they are (both padded alike). In a join's condition,
 * where the converter moved its CASTs into the inputs, a comparison of fields that hold CHARs (or
 * CASTs of CHARs) compares them without trailing spaces. A CAST of a CHAR to VARCHAR compared with
 * text is taken for Calcite's own cast (which it cannot be told from): its pad does not count, as
 * PostgreSQL (whose cast removes it) answers; H2 keeps the pad in the cast and counts it.
 */
final class CharComparisons {
    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
            SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
            SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);

    private CharComparisons() {
    }

    static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
        return new CallRewriter() {
            @Override
            RexNode rewrite(RexCall c) {
                return c.isA(COMPARISONS) && c.getOperands().size() == 2 ? CharComparisons.rewrite(c, rexBuilder) : c;
            }

            @Override
            RelNode afterRel(RelNode rel) {
                return rel instanceof LogicalJoin join ? joinCondition(join, rexBuilder) : rel;
            }

            @Override
            RexNode rewriteSubQuery(RexSubQuery subQuery) {
                return subQuery.getKind() == SqlKind.IN ? inSubQuery(subQuery, rexBuilder) : subQuery;
            }
        }.apply(rel);
    }

    /**
     * A join's condition compares the join's inputs' fields, into which the converter moved the CASTs
     * of CHARs it added: a comparison of such fields compares them without their trailing spaces.
     */
    private static RelNode joinCondition(LogicalJoin join, RexBuilder rexBuilder) {
        Set<Integer> fromChar = new HashSet<>();
        int offset = 0;
        for (RelNode input : List.of(join.getLeft(), join.getRight())) {
            List<RelDataTypeField> fields = input.getRowType().getFieldList();
            for (int i = 0; i < fields.size(); i++) {
                RexNode source = input instanceof LogicalProject p ? p.getProjects().get(i) : null;
                if (isChar(fields.get(i).getType()) || source != null && uncast(source) != source) {
                    fromChar.add(offset + i);
                }
            }
            offset += fields.size();
        }
        if (fromChar.isEmpty()) {
            return join;
        }
        RexNode condition = join.getCondition().accept(new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexCall c = (RexCall) super.visitCall(call);
                if (!c.isA(COMPARISONS) || c.getOperands().size() != 2
                        || !isText(c.getOperands().get(0).getType()) || !isText(c.getOperands().get(1).getType())) {
                    return c;
                }
                for (RexNode o : c.getOperands()) {
                    if (o instanceof RexInputRef ref && fromChar.contains(ref.getIndex())) {
                        return rexBuilder.makeCall(c.getParserPosition(), c.getOperator(),
                                List.of(trimmed(rexBuilder, c.getOperands().get(0)), trimmed(rexBuilder, c.getOperands().get(1))));
                    }
                }
                return c;
            }
        });
        return condition == join.getCondition() ? join
                : join.copy(join.getTraitSet(), condition, join.getLeft(), join.getRight(), join.getJoinType(), join.isSemiJoinDone());
    }

    private static RexNode rewrite(RexCall c, RexBuilder rexBuilder) {
        RexNode a = uncast(c.getOperands().get(0));
        RexNode b = uncast(c.getOperands().get(1));
        boolean charA = isChar(a.getType());
        boolean charB = isChar(b.getType());
        if (!charA && !charB || !isText(a.getType()) || !isText(b.getType())) {
            return c;
        }
        if (charA && charB && a.getType().getPrecision() == b.getType().getPrecision()) {
            return c.clone(c.getType(), List.of(a, b));
        }
        RexNode padded = charA ? padded(rexBuilder, b, a.getType()) : padded(rexBuilder, a, b.getType());
        if (padded != null) {
            return c.clone(c.getType(), charA ? List.of(a, padded) : List.of(padded, b));
        }
        return rexBuilder.makeCall(c.getParserPosition(), c.getOperator(), List.of(trimmed(rexBuilder, a), trimmed(rexBuilder, b)));
    }

    /** {@code x IN (SELECT y ...)}: where x or y is a CHAR, both without trailing spaces. */
    private static RexNode inSubQuery(RexSubQuery in, RexBuilder rexBuilder) {
        List<RelDataTypeField> fields = in.rel.getRowType().getFieldList();
        if (fields.size() != in.getOperands().size()) {
            return in;
        }
        List<RexNode> operands = new ArrayList<>();
        List<RexNode> columns = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < fields.size(); i++) {
            RexNode operand = uncast(in.getOperands().get(i));
            RexNode column = rexBuilder.makeInputRef(in.rel, i);
            // the coercion may have cast the subquery's CHAR column in its select list
            RexNode source = in.rel instanceof LogicalProject p ? uncast(p.getProjects().get(i)) : column;
            boolean pad = isText(operand.getType()) && isText(column.getType())
                    && (isChar(operand.getType()) || isChar(column.getType()) || isChar(source.getType()));
            operands.add(pad ? trimmed(rexBuilder, operand) : in.getOperands().get(i));
            columns.add(pad ? trimmed(rexBuilder, column) : column);
            changed |= pad;
        }
        if (!changed) {
            return in;
        }
        RelNode rel = LogicalProject.create(in.rel, List.of(), columns, in.rel.getRowType().getFieldNames(), Set.of());
        return RexSubQuery.in(rel, com.google.common.collect.ImmutableList.copyOf(operands));
    }

    /** {@code operand} without a CAST of a CHAR to another text type (the one Calcite's coercion adds). */
    private static RexNode uncast(RexNode operand) {
        if (operand.getKind() == SqlKind.CAST && operand instanceof RexCall cast
                && isChar(cast.getOperands().get(0).getType()) && isText(cast.getType())) {
            return cast.getOperands().get(0);
        }
        return operand;
    }

    /** A string literal as a literal of {@code charType} (CHAR(n)), or null when it is no literal or too long for it. */
    private static RexNode padded(RexBuilder rexBuilder, RexNode operand, RelDataType charType) {
        if (!(operand instanceof RexLiteral literal) || literal.isNull() || !(literal.getValue() instanceof NlsString text)) {
            return null;
        }
        String value = withoutTrailingSpaces(text.getValue());
        int length = charType.getPrecision();
        if (value.length() > length) {
            return null;
        }
        String pad = " ".repeat(length - value.length());
        return rexBuilder.makeLiteral(value + pad, rexBuilder.getTypeFactory().createTypeWithNullability(charType, false), false);
    }

    private static String withoutTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static RexNode trimmed(RexBuilder rexBuilder, RexNode operand) {
        return rexBuilder.makeCall(SqlStdOperatorTable.TRIM, rexBuilder.makeFlag(SqlTrimFunction.Flag.TRAILING),
                rexBuilder.makeLiteral(" "), operand);
    }

    private static boolean isChar(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.CHAR;
    }

    private static boolean isText(RelDataType type) {
        return SqlTypeName.CHAR_TYPES.contains(type.getSqlTypeName());
    }
}
