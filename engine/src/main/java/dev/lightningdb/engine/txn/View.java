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
    private final long treeVersion;
    private final long visibleTs;

    View(MemTable active, java.util.List<MemTable> frozen, long treeVersion, long visibleTs) {
        this.active = active;
        this.frozen = frozen;
        this.treeVersion = treeVersion;
        this.visibleTs = visibleTs;
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
        long b = 0;
        for (MemTable m : frozen) {
            b += m.bytes();
        }
        return b;
    }

    long treeVersion() {
        return treeVersion;
    }

    /** The newest commit timestamp a reader of this view sees. */
    public long visibleTs() {
        return visibleTs;
    }
}
