package dev.lightningdb.engine;

import dev.lightningdb.engine.txn.ReadSnapshot;
import dev.lightningdb.engine.txn.VersionedStore;

/**
 * A READ_COMMITTED statement's state ({@link Transaction#beginStatement}), pinned at its first read
 * and shared with the cursors opened in it: released when the statement has ended and its last
 * cursor is closed. Used by its transaction's thread only.
 */
final class StatementSnapshot {
    private final VersionedStore store;
    private ReadSnapshot pinned;
    private int shares = 1;

    StatementSnapshot(VersionedStore store) {
        this.store = store;
    }

    /** The pinned state, or null before the statement's first read. */
    ReadSnapshot pinned() {
        return pinned;
    }

    ReadSnapshot pin() {
        if (pinned == null) {
            pinned = store.snapshot(false);
        }
        return pinned;
    }

    /** One more cursor shares the state; the returned action releases its share. */
    Runnable share() {
        shares++;
        return this::release;
    }

    void release() {
        if (--shares == 0 && pinned != null) {
            pinned.close();
        }
    }
}
