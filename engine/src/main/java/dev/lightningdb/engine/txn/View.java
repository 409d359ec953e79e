package dev.lightningdb.engine.txn;

/**
 * What a reader sees, replaced whole on every commit and every merge: the active write-buffer
 * table, the frozen tables not yet merged into the tree (newest first, never modified), the tree
 * version they all lie on top of, and the newest commit timestamp a reader of this view may see.
 * A reader of the active table skips versions newer than {@code visibleTs} (commits that land
 * after the view was taken).
 */
public final class View {
    private final MemTable active;
    private final java.util.List<MemTable> frozen;
    private final long frozenBytes;
    private final long treeVersion;
    private final long visibleTs;

    View(MemTable active, java.util.List<MemTable> frozen, long treeVersion, long visibleTs) {
        this(active, frozen, sum(frozen), treeVersion, visibleTs);
    }

    private View(MemTable active, java.util.List<MemTable> frozen, long frozenBytes, long treeVersion, long visibleTs) {
        this.active = active;
        this.frozen = frozen;
        this.frozenBytes = frozenBytes;
        this.treeVersion = treeVersion;
        this.visibleTs = visibleTs;
    }

    /** This view after a commit at {@code ts} (same tables: frozen ones never change, so neither do their bytes). */
    View committed(long ts) {
        return new View(active, frozen, frozenBytes, treeVersion, ts);
    }

    private static long sum(java.util.List<MemTable> tables) {
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
    java.util.List<MemTable> frozen() {
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
     * first, then the frozen ones, newest first), or null when the tree must answer.
     */
    Version lookup(byte[] key) {
        long hash = KeyIndex.hash(key); // once per key, not once per table
        Version x = active.newest(key, hash);
        if (x != null) {
            x = x.visibleAt(visibleTs);
            if (x != null) {
                return x;
            }
        }
        for (MemTable f : frozen) {
            Version older = f.newest(key, hash);
            if (older != null && (older = older.visibleAt(visibleTs)) != null) {
                return older;
            }
        }
        return null;
    }

    /** The newest commit timestamp a reader of this view sees. */
    public long visibleTs() {
        return visibleTs;
    }
}
