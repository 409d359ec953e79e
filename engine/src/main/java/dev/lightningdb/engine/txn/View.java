package dev.lightningdb.engine.txn;

/**
 * What a reader sees, replaced whole on every commit and every merge: the active write buffer,
 * the frozen one being merged into the tree (or null), the tree version those two lie on top of,
 * and the newest commit timestamp a reader of this view may see. A reader of the active table
 * skips versions newer than {@code visibleTs} (commits that land after the view was taken).
 */
public final class View {
    private final MemTable active;
    private final MemTable frozen;
    private final long treeVersion;
    private final long visibleTs;

    View(MemTable active, MemTable frozen, long treeVersion, long visibleTs) {
        this.active = active;
        this.frozen = frozen;
        this.treeVersion = treeVersion;
        this.visibleTs = visibleTs;
    }

    MemTable active() {
        return active;
    }

    MemTable frozen() {
        return frozen;
    }

    long treeVersion() {
        return treeVersion;
    }

    /** The newest commit timestamp a reader of this view sees. */
    public long visibleTs() {
        return visibleTs;
    }
}
