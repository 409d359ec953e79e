package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.common.KeyRange;
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
    /** A filter word naming every table. */
    private static final long ALL = -1L;
    /** Sequence number of this view's oldest table (see {@link TableFilter}). */
    private final long oldestSeq;
    /** This view's tables, newest (the active one) first: a table's rank is its index here; shared by the views of later commits. */
    private final MemTable[] byRank;
    /** Per {@link TableFilter} slot, the rank of this view's table in it; only for the slots of {@link #heldSlots}. */
    private final byte[] rankBySlot;
    /** The filter slots of this view's tables. */
    private final long heldSlots;
    /** Whether every table of this view holds a slot (else the one without is asked by every read). */
    private final boolean everyTableSlotted;

    View(MemTable active, List<MemTable> frozen, long treeVersion, long visibleTs) {
        this.active = active;
        this.frozen = frozen;
        this.frozenBytes = sum(frozen);
        this.treeVersion = treeVersion;
        this.visibleTs = visibleTs;
        this.oldestSeq = frozen.isEmpty() ? active.seq() : frozen.get(frozen.size() - 1).seq();
        this.byRank = new MemTable[frozen.size() + 1];
        this.rankBySlot = new byte[TableFilter.SLOTS];
        long slots = 0;
        for (int rank = 0; rank < byRank.length; rank++) {
            MemTable m = rank == 0 ? active : frozen.get(rank - 1);
            byRank[rank] = m;
            if (m.slot() >= 0) {
                rankBySlot[m.slot()] = (byte) rank;
                slots |= 1L << m.slot();
            }
        }
        this.heldSlots = slots;
        this.everyTableSlotted = Long.bitCount(slots) == byRank.length;
    }

    /** {@code tables} at another commit timestamp. */
    private View(View tables, long visibleTs) {
        this.active = tables.active;
        this.frozen = tables.frozen;
        this.frozenBytes = tables.frozenBytes;
        this.treeVersion = tables.treeVersion;
        this.visibleTs = visibleTs;
        this.oldestSeq = tables.oldestSeq;
        this.byRank = tables.byRank;
        this.rankBySlot = tables.rankBySlot;
        this.heldSlots = tables.heldSlots;
        this.everyTableSlotted = tables.everyTableSlotted;
    }

    /** This view after a commit at {@code ts} (same tables: frozen ones never change, so neither do their bytes). */
    View committed(long ts) {
        return new View(this, ts);
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
     * is a frozen table, the buffer's {@link TableFilter} line for the key comes first: its hint,
     * when it names a version of this key in one of this view's tables, is the key's newest; else
     * only the tables the line's bits name are asked, the active one included. Unless a merge
     * cleared bits or hints of this view's tables meanwhile: then every table, without the hint.
     */
    Version lookup(byte[] key) {
        long hash = KeyIndex.hash(key); // once per key, not once per table
        TableFilter filter = active.filter();
        // With no frozen table, asking the active table alone costs less than the filter line's
        // cache miss; from one on the line costs less, as its bits cover the active table too.
        if (frozen.isEmpty() || filter == null) {
            return lookup(key, hash, ALL);
        }
        long hint = filter.hint(hash);
        // Loaded after the hint, before following it: past this view's oldest table, the hint's
        // slot may belong to a table this view does not hold.
        if (oldestSeq < filter.clearedBelow()) {
            return lookup(key, hash, ALL);
        }
        if (hint != 0) { // names a version of a key with this key's tag
            int slot = TableFilter.hintSlot(hint);
            MemTable t = (heldSlots & (1L << slot)) == 0 ? null : byRank[rankBySlot[slot]];
            Version x = t == null ? null : t.versionIfKey(TableFilter.hintNode(hint), key);
            if (x != null && (x = x.visibleAt(visibleTs)) != null) {
                return x;
            }
        }
        long tables = filter.tables(hash); // the same cache line as the hint
        Version found = everyTableSlotted ? lookupSlots(key, hash, tables & heldSlots) : lookup(key, hash, tables);
        // Loaded after the bits were used: if one of this view's tables lost its bits, the mark is past it.
        return oldestSeq < filter.clearedBelow() ? lookup(key, hash, ALL) : found;
    }

    /**
     * The newest visible version in the tables of {@code slots}, newest table first (every table of
     * this view has a slot). Only the tables whose bits are set are touched: with a full buffer's
     * frozen tables, walking the list to test each one's bit cost more than the few tables asked.
     */
    private Version lookupSlots(byte[] key, long hash, long slots) {
        long ranks = 0;
        for (long s = slots; s != 0; s &= s - 1) {
            ranks |= 1L << rankBySlot[Long.numberOfTrailingZeros(s)];
        }
        for (; ranks != 0; ranks &= ranks - 1) {
            Version x = byRank[Long.numberOfTrailingZeros(ranks)].newestLikely(key, hash);
            if (x != null && (x = x.visibleAt(visibleTs)) != null) {
                return x;
            }
        }
        return null;
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
