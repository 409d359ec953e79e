package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.store.paged.PinnedTree;

/**
 * A consistent state to read: a {@link View} and the tree version it lies on, pinned so that the
 * tree's pages are not reused until {@link #close}. A snapshot transaction holds one for its whole
 * life; a read-committed read holds one for one operation or one cursor.
 */
public final class ReadSnapshot implements AutoCloseable {
    private final VersionedStore store;
    final View view;
    final PinnedTree tree;
    private final long openedNanos = System.nanoTime();

    ReadSnapshot(VersionedStore store, View view, PinnedTree tree) {
        this.store = store;
        this.view = view;
        this.tree = tree;
    }

    /** The view this snapshot reads. */
    public View view() {
        return view;
    }

    /** The newest commit timestamp this snapshot sees. */
    public long timestamp() {
        return view.visibleTs();
    }

    long openedNanos() {
        return openedNanos;
    }

    /** Releases the pinned tree; idempotent. */
    @Override
    public void close() {
        store.release(this);
    }
}
