package dev.lightningdb.engine;

import dev.lightningdb.engine.common.KeyRange;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The documented rule for a transaction's cursor (see {@link MergingCursor}), as a model over
 * small integer keys: each step returns the first entry of the transaction's current view (its
 * committed snapshot with its writes over it) inside the range, strictly beyond the last key
 * returned in the walking direction. Once at the end, it stays there.
 */
final class CursorRuleModel {
    private final Integer lower;
    private final boolean lowerInclusive;
    private final Integer upper;
    private final boolean upperInclusive;
    private final boolean reverse;
    private Integer position;
    private boolean done;

    CursorRuleModel(Integer lower, boolean lowerInclusive, Integer upper, boolean upperInclusive, boolean reverse) {
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
        this.reverse = reverse;
    }

    /** The engine range of this model's bounds, keys encoded by {@link #key}. */
    KeyRange range() {
        return KeyRange.of(lower == null ? null : key(lower), lowerInclusive, upper == null ? null : key(upper), upperInclusive);
    }

    boolean reverse() {
        return reverse;
    }

    /** The next entry of {@code view} by the rule, or null at the end. */
    Map.Entry<Integer, String> next(TreeMap<Integer, String> view) {
        if (done) {
            return null;
        }
        NavigableMap<Integer, String> m = view;
        if (lower != null && upper != null && (lower > upper || (lower.equals(upper) && !(lowerInclusive && upperInclusive)))) {
            done = true;
            return null;
        }
        if (lower != null) {
            m = m.tailMap(lower, lowerInclusive);
        }
        if (upper != null) {
            m = m.headMap(upper, upperInclusive);
        }
        if (reverse) {
            m = m.descendingMap();
        }
        if (position != null) {
            m = m.tailMap(position, false);
        }
        Map.Entry<Integer, String> e = m.firstEntry();
        if (e == null) {
            done = true;
        } else {
            position = e.getKey();
        }
        return e;
    }

    static byte[] key(int i) {
        return new byte[] {'k', (byte) i};
    }

    static int keyOf(byte[] key) {
        return key[1] & 0xFF;
    }
}
