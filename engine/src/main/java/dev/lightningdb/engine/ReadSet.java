package dev.lightningdb.engine;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.txn.View;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * What a transaction must find unwritten by others when it commits: the ranges it guarded (each
 * from the view it was guarded at) and, under SERIALIZABLE, the keys and ranges it read (from the
 * transaction's start). Owned by its transaction's thread; read under the commit lock at commit.
 */
final class ReadSet {
    /** Null unless reads are validated (SERIALIZABLE, not read-only). */
    private final List<byte[]> keys;
    private final List<KeyRange> ranges;
    private final List<Guard> guards = new ArrayList<>();

    /** A guarded range and the view whose later commits may not write into it. */
    private record Guard(View since, KeyRange range) {
    }

    /** Where writes newer than a view are looked for: the store, or the earlier commits of a group. */
    interface LaterWrites {
        boolean touch(View since, byte[] key);

        boolean touch(View since, KeyRange range);
    }

    ReadSet(boolean validateReads) {
        keys = validateReads ? new ArrayList<>() : null;
        ranges = validateReads ? new ArrayList<>() : null;
    }

    void readKey(byte[] key) {
        if (keys != null) {
            keys.add(key.clone());
        }
    }

    void readRange(KeyRange range) {
        if (ranges != null) {
            ranges.add(range);
        }
    }

    void guard(View since, KeyRange range) {
        guards.add(new Guard(since, range));
    }

    /** A mark for {@link #dropGuardsFrom} (savepoints). */
    int guardCount() {
        return guards.size();
    }

    void dropGuardsFrom(int mark) {
        guards.subList(Math.min(mark, guards.size()), guards.size()).clear();
    }

    void clearGuards() {
        guards.clear();
    }

    /** Why a guarded range, or a read key or range (read since {@code start}), is stale by {@code later}; or null. */
    String stale(LaterWrites later, View start, String writer) {
        for (Guard g : guards) {
            if (later.touch(g.since(), g.range())) {
                return "guarded range " + g.range() + " was written by " + writer + " (first committer wins); retry the transaction";
            }
        }
        if (keys != null) {
            for (byte[] r : keys) {
                if (later.touch(start, r)) {
                    return "read of key " + KeyHex.of(r) + " is stale: it was written by " + writer + "; retry the transaction";
                }
            }
            for (KeyRange r : ranges) {
                if (later.touch(start, r)) {
                    return "scan of " + r + " is stale: a key inside it was written by " + writer + "; retry the transaction";
                }
            }
        }
        return null;
    }

    /** Whether a key of {@code keys} (sorted unsigned) lies inside {@code range}. */
    static boolean anyWithin(NavigableSet<byte[]> keys, KeyRange range) {
        byte[] lower = range.lower();
        byte[] first = lower == null ? (keys.isEmpty() ? null : keys.first())
                : range.lowerInclusive() ? keys.ceiling(lower) : keys.higher(lower);
        return first != null && range.contains(first);
    }
}
