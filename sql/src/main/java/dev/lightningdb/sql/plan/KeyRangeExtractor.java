package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
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
 * Reads the filters Calcite pushes into a table scan as {@link KeyComparisons} (the adapter from
 * RexNode; {@link KeyPrefix} decides) and turns them into the narrowest primary-key range. A filter is
 * removed from the list only when the range enforces it exactly; everything else stays for Calcite to
 * evaluate, so the range is always a superset of the answer. A comparison's value becomes the column's
 * internal value, so only constants that convert without changing order or equality are used.
 */
final class KeyRangeExtractor {
    private KeyRangeExtractor() {
    }

    /** Stands for a parameter's value while planning, when it is not known yet. */
    static final Object UNKNOWN = new Object();

    /**
     * The comparisons of {@code filters}, values in internal form. With a null {@code context}
     * (planning) parameters are {@link #UNKNOWN}.
     */
    static KeyComparisons bounds(TableDef table, List<RexNode> filters, RexBuilder rexBuilder, ExecutionContext context) {
        KeyComparisons out = new KeyComparisons(table.types());
        for (RexNode filter : filters) {
            boolean plain = filter.getKind() != SqlKind.SEARCH;
            RexNode expanded = plain ? filter : RexUtil.expandSearch(rexBuilder, null, filter);
            for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
                // Only a single plain comparison can be dropped from the plan; a SEARCH may hold more.
                collect(table, filter, conjunct, plain && filter == conjunct, context, out);
            }
        }
        return out;
    }

    static KeyRange extract(TableDef table, List<RexNode> filters, ExecutionContext context) {
        return extract(table, filters, bounds(table, filters, new RexBuilder(context.getTypeFactory()), context));
    }

    /** The key range of the primary-key prefix rule; removes from {@code filters} those the range enforces exactly. */
    static KeyRange extract(TableDef table, List<RexNode> filters, KeyComparisons comparisons) {
        int[] pk = table.primaryKey();
        KeyPrefix key = KeyPrefix.of(pk, comparisons);
        ByteWriter prefix = new ByteWriter(32);
        table.writeKeyPrefix(prefix);
        for (int i = 0; i < key.equalities(); i++) {
            KeyCodec.encode(prefix, key.equality(i).value(), table.types()[pk[i]]);
        }
        List<Object> enforced = key.enforced();
        filters.removeIf(f -> enforced.stream().anyMatch(e -> e == f));
        byte[] base = prefix.toByteArray();
        if (key.isFull()) {
            return KeyRange.prefix(base);
        }
        return range(base, new byte[0], key, table.types()[key.nextColumn()]);
    }

    /**
     * The keys that start with {@code base} and go on with a value of {@code key}'s next column
     * within its tightest bounds; {@code marker} precedes that value in a key (an index entry's
     * non-NULL marker, nothing in a primary key). Without a lower bound the range starts at
     * {@code base ‖ marker}, past the NULLs of an index column (which never match a range).
     */
    static KeyRange range(byte[] base, byte[] marker, KeyPrefix key, ColumnType type) {
        KeyComparison lo = key.lower();
        KeyComparison hi = key.upper();
        byte[] lower = withValue(base, marker, null, type);
        if (lo != null) {
            byte[] enc = withValue(base, marker, lo.value(), type);
            lower = lo.op() == SqlKind.GREATER_THAN ? KeyRange.prefixEnd(enc) : enc;
        }
        byte[] upper = KeyRange.prefixEnd(base);
        if (hi != null) {
            byte[] enc = withValue(base, marker, hi.value(), type);
            upper = hi.op() == SqlKind.LESS_THAN_OR_EQUAL ? KeyRange.prefixEnd(enc) : enc;
        }
        return KeyRange.between(lower, upper);
    }

    private static byte[] withValue(byte[] base, byte[] marker, Object value, ColumnType type) {
        ByteWriter w = new ByteWriter(base.length + 16).write(base).write(marker);
        if (value != null) {
            KeyCodec.encode(w, value, type);
        }
        return w.toByteArray();
    }

    private static void collect(TableDef table, RexNode filter, RexNode conjunct, boolean exact, ExecutionContext context,
                                KeyComparisons out) {
        if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            out.addOther();
            return;
        }
        SqlKind op = call.getKind();
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
            RexNode t = left;
            left = right;
            right = t;
            op = op.reverse();
        }
        if (!(left instanceof RexInputRef ref) || !out.bounds(ref.getIndex(), op)) {
            out.addOther();
            return;
        }
        Object value = constant(right, table.types()[ref.getIndex()], context);
        if (value == null) {
            out.addOther();
            return;
        }
        out.add(ref.getIndex(), op, value, filter, exact);
    }

    /** The comparison value as the column's internal value, or null if it cannot be used exactly. */
    private static Object constant(RexNode node, ColumnType type, ExecutionContext context) {
        Object raw;
        if (node instanceof RexLiteral literal) {
            raw = literal.getValue4();
        } else if (node instanceof RexDynamicParam param) {
            if (context == null) {
                return comparable(node.getType(), type) ? UNKNOWN : null;
            }
            raw = context.parameter(param.getIndex());
        } else {
            return null;
        }
        if (raw == null || !comparable(node.getType(), type)) {
            return null;
        }
        try {
            return ValueCoercion.toInternal(raw, type);
        } catch (SqlError e) {
            return null; // out of range for the column: leave it to Calcite
        }
    }

    /**
     * Whether a constant of {@code constantType} converts to {@code column}'s values without changing
     * order or equality. A CHAR constant must have the CHAR column's length: then both are padded alike
     * ({@link CharComparisons} pads the literals compared with a CHAR column).
     */
    private static boolean comparable(RelDataType constant, ColumnType column) {
        SqlTypeName constantType = constant.getSqlTypeName();
        if (column.kind() == ColumnType.Kind.CHAR) {
            return constantType == SqlTypeName.CHAR && constant.getPrecision() == column.precision();
        }
        if (constantType == column.sqlTypeName()) {
            return true;
        }
        if (SqlTypeName.INT_TYPES.contains(constantType) && SqlTypeName.INT_TYPES.contains(column.sqlTypeName())) {
            return true; // out-of-range constants fail coercion and are left to Calcite
        }
        return column.kind() == ColumnType.Kind.VARCHAR && constantType == SqlTypeName.CHAR;
    }
}
