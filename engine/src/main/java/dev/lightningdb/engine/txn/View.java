package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.KeyRange;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a reader sees, replaced whole on every commit and every merge: the active write-buffer
 * table, the frozen tables not yet merged into the tree (newest first, never modified), the tree
 * version they all lie on top of, and the newest commit timestamp a reader of this view may see.
 * A reader of the active table skips versions newer than {@code visibleTs} (commits that land
 * after the view was taken).
 */
public final class View {
    private final MemTable active;
    private final List<MemTable> frozen;
    private final long frozenBytes;
    private final long treeVersion;
    private final long visibleTs;
    /**
     * Frozen tables from which a read loads the filter's word first: with fewer, asking each table
     * costs less than the word's cache miss.
     */
    private static final int FILTERED = 4;
    /** A filter word naming every table. */
    private static final long ALL = -1L;
    /** Sequence number of this view's oldest table (see {@link TableFilter}). */
    private final long oldestSeq;
    /** This view's tables by their {@link TableFilter} slot; shared by the views of later commits. */
    private final MemTable[] bySlot;

    View(MemTable active, List<MemTable> frozen, long treeVersion, long visibleTs) {
        this(active, frozen, sum(frozen), treeVersion, visibleTs, slots(active, frozen));
    }

    private View(MemTable active, List<MemTable> frozen, long frozenBytes, long treeVersion, long visibleTs, MemTable[] bySlot) {
        this.active = active;
        this.frozen = frozen;
        this.frozenBytes = frozenBytes;
        this.treeVersion = treeVersion;
        this.visibleTs = visibleTs;
        this.oldestSeq = frozen.isEmpty() ? active.seq() : frozen.get(frozen.size() - 1).seq();
        this.bySlot = bySlot;
    }

    /** This view after a commit at {@code ts} (same tables: frozen ones never change, so neither do their bytes). */
    View committed(long ts) {
        return new View(active, frozen, frozenBytes, treeVersion, ts, bySlot);
    }

    private static MemTable[] slots(MemTable active, List<MemTable> frozen) {
        MemTable[] by = new MemTable[TableFilter.SLOTS];
        for (MemTable m : frozen) {
            if (m.slot() >= 0) {
                by[m.slot()] = m;
            }
        }
        if (active.slot() >= 0) {
            by[active.slot()] = active;
        }
        return by;
    }

    private static long sum(List<MemTable> tables) {
        long b = 0;
        for (MemTable m : tables) {
            b += m.bytes();
        }
        return b;
    }

    MemTable active() {
        return active;
    }

    /** Frozen tables, newest first; an immutable list. */
    List<MemTable> frozen() {
        return frozen;
    }

    /** Bytes held by the frozen tables. */
    long frozenBytes() {
        return frozenBytes;
    }

    long treeVersion() {
        return treeVersion;
    }

    /**
     * The version of {@code key} a reader of this view sees in the write buffer (the active table
     * first, then the frozen ones, newest first), or null when the tree must answer. Where there
     * are many frozen tables, the buffer's {@link TableFilter} line for the key comes first: its
     * hint, when it names a version of this key in one of this view's tables, is the key's newest;
     * else only the tables the line's bits name are asked. Unless a merge cleared bits or hints of
     * this view's tables meanwhile: then every table, without the hint.
     */
    Version lookup(byte[] key) {
        long hash = KeyIndex.hash(key); // once per key, not once per table
        TableFilter filter = active.filter();
        if (frozen.size() < FILTERED || filter == null) {
            return lookup(key, hash, ALL);
        }
        long hint = filter.hint(hash);
        // Loaded after the hint, before following it: past this view's oldest table, the hint's
        // slot may belong to a table this view does not hold.
        if (oldestSeq < filter.clearedBelow()) {
            return lookup(key, hash, ALL);
        }
        if (hint != 0) { // names a version of a key with this key's tag
            MemTable t = bySlot[TableFilter.hintSlot(hint)];
            Version x = t == null ? null : t.versionIfKey(TableFilter.hintNode(hint), key);
            if (x != null && (x = x.visibleAt(visibleTs)) != null) {
                return x;
            }
        }
        Version found = lookup(key, hash, filter.tables(hash)); // the same cache line as the hint
        // Loaded after the bits were used: if one of this view's tables lost its bits, the mark is past it.
        return oldestSeq < filter.clearedBelow() ? lookup(key, hash, ALL) : found;
    }

    /** The newest visible version in the active table, then in the frozen tables {@code tables} may hold. */
    private Version lookup(byte[] key, long hash, long tables) {
        Version x = active.newest(key, hash);
        if (x != null && (x = x.visibleAt(visibleTs)) != null) {
            return x;
        }
        return frozenLookup(key, hash, tables);
    }

    /** The newest visible version in the frozen tables that {@code tables} may hold ({@link #ALL}: all of them). */
    private Version frozenLookup(byte[] key, long hash, long tables) {
        for (MemTable f : frozen) {
            if (f.mayHold(tables)) {
                Version older = tables == ALL ? f.newest(key, hash) : f.newestLikely(key, hash);
                if (older != null && (older = older.visibleAt(visibleTs)) != null) {
                    return older;
                }
            }
        }
        return null;
    }

    // ---- what was committed after this view (conflict checks and read validation) ----

    // Every commit after this view lands in this view's active table or a later one (tables are
    // chained when frozen, MemTable#successor); a table whose newest commit is older is skipped.

    /** The first of {@code writes}' keys that a commit after this view also wrote, or null. */
    byte[] firstWrittenSince(Iterable<Map.Entry<byte[], byte[]>> writes) {
        for (Map.Entry<byte[], byte[]> e : writes) {
            if (writtenSince(e.getKey())) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Whether a commit after this view wrote {@code key}. */
    boolean writtenSince(byte[] key) {
        long hash = KeyIndex.hash(key); // once per key, not once per table
        for (MemTable m = active; m != null; m = m.successor()) {
            Version n = m.maxTs() > visibleTs ? m.newest(key, hash) : null;
            if (n != null && n.ts() > visibleTs) {
                return true;
            }
        }
        return false;
    }

    /** Whether a commit after this view wrote any key in {@code range}. */
    boolean writtenSince(KeyRange range) {
        for (MemTable m = active; m != null; m = m.successor()) {
            if (m.maxTs() <= visibleTs) {
                continue;
            }
            for (Iterator<Map.Entry<byte[], Version>> it = m.range(range, false); it.hasNext(); ) {
                if (it.next().getValue().ts() > visibleTs) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The newest commit timestamp a reader of this view sees. */
    public long visibleTs() {
        return visibleTs;
    }
}
