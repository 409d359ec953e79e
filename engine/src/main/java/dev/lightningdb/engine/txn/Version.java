package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.store.WriteSet;

/**
 * One committed version of a key in a {@link MemTable}: its commit timestamp, its value (or
 * {@link WriteSet#TOMBSTONE} for a delete) and the next older version. Immutable.
 */
record Version(long ts, byte[] value, Version older) {
    /** The newest version at or before {@code snapshot}, or null when every version is newer. */
    Version visibleAt(long snapshot) {
        Version v = this;
        while (v != null && v.ts > snapshot) {
            v = v.older;
        }
        return v;
    }

    boolean isDelete() {
        return WriteSet.isTombstone(value);
    }
}
