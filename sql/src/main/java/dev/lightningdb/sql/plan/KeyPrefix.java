package dev.lightningdb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * The one recogniser of key predicates: reads a condition's {@link KeyComparisons} by the left-prefix
 * rule, equalities on the leading key columns (the first equality of each), then at most one range on
 * the next key column (its tightest lower and upper bound). It serves the primary key (a scan's key
 * range, a point lookup without the planner) and the columns of an index alike.
 *
 * <p>Exactness: a comparison is {@link #enforced()} only when it is exact and the prefix or range
 * reads just the rows it admits; everything else must still be evaluated. A condition is a
 * {@link #isPoint() point} only when the equalities cover the whole key and enforce every conjunct
 * offered, so that reading the one key answers it without evaluating anything.
 */
public final class KeyPrefix {
    private final int[] keyColumns;
    private final KeyComparisons comparisons;
    private final KeyComparison[] equalities;
    private final int length;

    private KeyPrefix(int[] keyColumns, KeyComparisons comparisons, KeyComparison[] equalities, int length) {
        this.keyColumns = keyColumns;
        this.comparisons = comparisons;
        this.equalities = equalities;
        this.length = length;
    }

    /** The prefix of {@code keyColumns} (positions, in key order) that {@code comparisons} fix. */
    public static KeyPrefix of(int[] keyColumns, KeyComparisons comparisons) {
        KeyComparison[] equalities = new KeyComparison[keyColumns.length];
        int n = 0;
        while (n < keyColumns.length && (equalities[n] = comparisons.first(keyColumns[n], SqlKind.EQUALS)) != null) {
            n++;
        }
        return new KeyPrefix(keyColumns, comparisons, equalities, n);
    }

    /** How many leading key columns an equality fixes. */
    public int equalities() {
        return length;
    }

    /** The equality on key column {@code i} (in key order), for {@code i < equalities()}. */
    public KeyComparison equality(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return equalities[i];
    }

    /** Whether equalities fix every key column. */
    public boolean isFull() {
        return length == keyColumns.length;
    }

    /** Whether the equalities fix the whole key and enforce every conjunct offered: one key answers the condition. */
    public boolean isPoint() {
        if (!isFull()) {
            return false;
        }
        int exact = 0;
        for (int i = 0; i < length; i++) {
            exact += equalities[i].exact() ? 1 : 0;
        }
        return exact == comparisons.offered();
    }

    /** The key column after the equalities (where a range may bound the key), or -1 when they fix the whole key. */
    public int nextColumn() {
        return isFull() ? -1 : keyColumns[length];
    }

    /** Whether the key column after the equalities has a range comparison. */
    public boolean hasRange() {
        return !isFull() && comparisons.hasRange(keyColumns[length]);
    }

    /**
     * The tightest lower bound ({@code >} or {@code >=}) on the key column after the equalities, or
     * null; of equal values {@code >} is tighter. Compares the values: they must be known values of the
     * column's internal type.
     */
    public KeyComparison lower() {
        return tightest(true);
    }

    /** The tightest upper bound ({@code <} or {@code <=}) on the key column after the equalities, or null. */
    public KeyComparison upper() {
        return tightest(false);
    }

    /** The origins of the exact comparisons the equalities and the range enforce, which need no evaluating. */
    public List<Object> enforced() {
        List<Object> out = new ArrayList<>(length + 2);
        for (int i = 0; i < length; i++) {
            addIfExact(equalities[i], out);
        }
        if (!isFull()) {
            addIfExact(lower(), out);
            addIfExact(upper(), out);
        }
        return out;
    }

    private static void addIfExact(KeyComparison c, List<Object> out) {
        if (c != null && c.exact()) {
            out.add(c.origin());
        }
    }

    private KeyComparison tightest(boolean lower) {
        if (isFull()) {
            return null;
        }
        SqlKind strict = lower ? SqlKind.GREATER_THAN : SqlKind.LESS_THAN;
        SqlKind inclusive = lower ? SqlKind.GREATER_THAN_OR_EQUAL : SqlKind.LESS_THAN_OR_EQUAL;
        KeyComparison best = null;
        for (KeyComparison c : comparisons.of(keyColumns[length])) {
            if (c.op() != strict && c.op() != inclusive) {
                continue;
            }
            int order = best == null ? 0 : Integer.signum(compare(c.value(), best.value())) * (lower ? 1 : -1);
            if (best == null || order > 0 || (order == 0 && c.op() == strict)) {
                best = c;
            }
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
