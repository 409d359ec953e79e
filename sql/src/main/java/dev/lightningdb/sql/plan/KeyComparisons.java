package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.result.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * A condition's conjuncts as {@link KeyComparison}s by column: what the adapters build from a tree and
 * {@link KeyPrefix} reads. Every conjunct is offered ({@link #add} or {@link #addOther}), so the count
 * tells whether the comparisons kept are the whole condition. Only comparisons that can bound a key
 * are kept: {@code = < <= > >=} (on a CHAR column, only with a constant of its length, padded alike:
 * {@link KeyRangeExtractor}).
 */
public final class KeyComparisons {
    private final ColumnType[] types;
    private final List<KeyComparison>[] byColumn;
    private int offered;

    /** For a table whose columns have {@code types}, by position. */
    @SuppressWarnings("unchecked")
    public KeyComparisons(ColumnType[] types) {
        this.types = types;
        this.byColumn = new List[types.length];
    }

    /** Whether {@code column op value} can bound a key: worth resolving its value before {@link #add}. */
    public boolean bounds(int column, SqlKind op) {
        return column >= 0 && column < types.length
                && switch (op) {
                    case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> true;
                    default -> false;
                };
    }

    /** Offers the conjunct {@code column op value} (column on the left); kept when it {@link #bounds} a key. */
    public void add(int column, SqlKind op, Object value, Object origin, boolean exact) {
        offered++;
        if (!bounds(column, op)) {
            return;
        }
        if (byColumn[column] == null) {
            byColumn[column] = new ArrayList<>(2);
        }
        byColumn[column].add(new KeyComparison(column, op, value, origin, exact));
    }

    /** Offers a conjunct that is no comparison of a column with a value: it bounds nothing. */
    public void addOther() {
        offered++;
    }

    /** How many conjuncts were offered, kept or not. */
    public int offered() {
        return offered;
    }

    /** The comparisons kept on {@code column}, in the order offered. */
    public List<KeyComparison> of(int column) {
        List<KeyComparison> c = byColumn[column];
        return c == null ? List.of() : c;
    }

    /** The first comparison on {@code column} with {@code op}, or null. */
    public KeyComparison first(int column, SqlKind op) {
        for (KeyComparison c : of(column)) {
            if (c.op() == op) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code column} has a range comparison ({@code < <= > >=}). */
    public boolean hasRange(int column) {
        for (KeyComparison c : of(column)) {
            if (c.op() != SqlKind.EQUALS) {
                return true;
            }
        }
        return false;
    }
}
