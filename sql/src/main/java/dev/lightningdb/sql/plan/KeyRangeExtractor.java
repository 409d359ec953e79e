package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.KeyRange;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns the filters Calcite pushes into a table scan into the narrowest primary-key range, by the
 * left-prefix rule: equalities on the leading key columns, then at most one range on the next.
 * A filter is removed from the list only when the range enforces it exactly; everything else stays
 * for Calcite to evaluate, so the range is always a superset of the answer.
 */
final class KeyRangeExtractor {
    private KeyRangeExtractor() {
    }

    /** Stands for a parameter's value while planning, when it is not known yet. */
    static final Object UNKNOWN = new Object();

    /** A comparison {@code column op value}, with the value in internal form (or {@link #UNKNOWN}). */
    record Bound(RexNode filter, SqlKind op, Object value, boolean exact) {
    }

    /**
     * The usable comparisons of each column, by column position. With a null {@code context} (planning)
     * parameters are {@link #UNKNOWN}.
     */
    static List<List<Bound>> bounds(TableDef table, List<RexNode> filters, RexBuilder rexBuilder, ExecutionContext context) {
        List<List<Bound>> byColumn = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            byColumn.add(new ArrayList<>());
        }
        for (RexNode filter : filters) {
            boolean plain = filter.getKind() != SqlKind.SEARCH;
            RexNode expanded = plain ? filter : RexUtil.expandSearch(rexBuilder, null, filter);
            for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
                collect(table, filter, conjunct, plain, context, byColumn);
            }
        }
        return byColumn;
    }

    static KeyRange extract(TableDef table, List<RexNode> filters, ExecutionContext context) {
        return extract(table, filters, bounds(table, filters, new RexBuilder(context.getTypeFactory()), context));
    }

    /** The key range of the primary-key prefix rule; removes from {@code filters} those the range enforces exactly. */
    static KeyRange extract(TableDef table, List<RexNode> filters, List<List<Bound>> byColumn) {

        ByteWriter prefix = new ByteWriter(32);
        table.writeKeyPrefix(prefix);
        List<RexNode> enforced = new ArrayList<>();
        byte[] lower = null;
        boolean lowerInclusive = true;
        byte[] upper = null;
        boolean upperInclusive = false;
        for (int k : table.primaryKey()) {
            ColumnType type = table.types()[k];
            Bound eq = first(byColumn.get(k), SqlKind.EQUALS);
            if (eq != null) {
                KeyCodec.encode(prefix, eq.value(), type);
                markEnforced(eq, enforced);
                continue;
            }
            Object lo = null;
            Object hi = null;
            Bound loBound = null;
            Bound hiBound = null;
            for (Bound b : byColumn.get(k)) {
                switch (b.op()) {
                    case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                        if (loBound == null || compare(b.value(), lo) > 0
                                || (compare(b.value(), lo) == 0 && b.op() == SqlKind.GREATER_THAN)) {
                            lo = b.value();
                            loBound = b;
                        }
                    }
                    case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                        if (hiBound == null || compare(b.value(), hi) < 0
                                || (compare(b.value(), hi) == 0 && b.op() == SqlKind.LESS_THAN)) {
                            hi = b.value();
                            hiBound = b;
                        }
                    }
                    default -> { }
                }
            }
            byte[] base = prefix.toByteArray();
            if (loBound != null) {
                byte[] enc = withValue(prefix, lo, type);
                if (loBound.op() == SqlKind.GREATER_THAN) {
                    lower = KeyRange.prefixEnd(enc);
                    lowerInclusive = true;
                } else {
                    lower = enc;
                }
            }
            if (hiBound != null) {
                byte[] enc = withValue(new ByteWriter(base.length + 16).write(base), hi, type);
                if (hiBound.op() == SqlKind.LESS_THAN_OR_EQUAL) {
                    upper = KeyRange.prefixEnd(enc);
                } else {
                    upper = enc;
                }
            }
            if (lower == null) {
                lower = base;
            }
            if (upper == null) {
                upper = KeyRange.prefixEnd(base);
            }
            for (Bound b : byColumn.get(k)) {
                if (b == loBound || b == hiBound) {
                    markEnforced(b, enforced);
                }
            }
            removeEnforced(filters, enforced);
            return KeyRange.of(lower, lowerInclusive, upper, upperInclusive);
        }
        removeEnforced(filters, enforced);
        return KeyRange.prefix(prefix.toByteArray());
    }

    private static void markEnforced(Bound b, List<RexNode> enforced) {
        if (b.exact()) {
            enforced.add(b.filter());
        }
    }

    private static void removeEnforced(List<RexNode> filters, List<RexNode> enforced) {
        for (Iterator<RexNode> it = filters.iterator(); it.hasNext(); ) {
            RexNode f = it.next();
            for (RexNode e : enforced) {
                if (f == e) {
                    it.remove();
                    break;
                }
            }
        }
    }

    private static byte[] withValue(ByteWriter prefix, Object value, ColumnType type) {
        KeyCodec.encode(prefix, value, type);
        return prefix.toByteArray();
    }

    private static Bound first(List<Bound> bounds, SqlKind op) {
        for (Bound b : bounds) {
            if (b.op() == op) {
                return b;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static void collect(TableDef table, RexNode filter, RexNode conjunct, boolean plain, ExecutionContext context,
                                List<List<Bound>> byColumn) {
        if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            return;
        }
        SqlKind op = call.getKind();
        if (op != SqlKind.EQUALS && op != SqlKind.LESS_THAN && op != SqlKind.LESS_THAN_OR_EQUAL
                && op != SqlKind.GREATER_THAN && op != SqlKind.GREATER_THAN_OR_EQUAL) {
            return;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
            RexNode t = left;
            left = right;
            right = t;
            op = op.reverse();
        }
        if (!(left instanceof RexInputRef ref)) {
            return;
        }
        int column = ref.getIndex();
        ColumnType type = table.types()[column];
        Object value = constant(right, type, context);
        if (value == null) {
            return;
        }
        // Only a single plain comparison can be dropped from the plan; a SEARCH may hold more.
        byColumn.get(column).add(new Bound(filter, op, value, plain && filter == conjunct));
    }

    /** The comparison value as the column's internal value, or null if it cannot be used exactly. */
    private static Object constant(RexNode node, ColumnType type, ExecutionContext context) {
        Object raw;
        if (node instanceof RexLiteral literal) {
            raw = literal.getValue4();
        } else if (node instanceof RexDynamicParam param) {
            if (context == null) {
                return comparable(node.getType().getSqlTypeName(), type) ? UNKNOWN : null;
            }
            raw = context.parameter(param.getIndex());
        } else {
            return null;
        }
        if (raw == null || !comparable(node.getType().getSqlTypeName(), type)) {
            return null;
        }
        try {
            return ValueCoercion.toInternal(raw, type);
        } catch (SqlError e) {
            return null; // out of range for the column: leave it to Calcite
        }
    }

    /** Whether a constant of {@code constantType} converts to {@code column}'s values without changing order or equality. */
    private static boolean comparable(SqlTypeName constantType, ColumnType column) {
        if (constantType == column.sqlTypeName()) {
            return column.kind() != ColumnType.Kind.CHAR; // CHAR keys are stored padded
        }
        if (SqlTypeName.INT_TYPES.contains(constantType) && SqlTypeName.INT_TYPES.contains(column.sqlTypeName())) {
            return true; // out-of-range constants fail coercion and are left to Calcite
        }
        return column.kind() == ColumnType.Kind.VARCHAR && constantType == SqlTypeName.CHAR;
    }
}
