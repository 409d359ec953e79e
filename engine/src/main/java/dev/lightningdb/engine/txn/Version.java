package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.store.WriteSet;

/**
 * One committed version of a key in a {@link MemTable}: a handle on its node in the table's
 * {@link ArenaSkipList}, with its commit timestamp. Older versions of the key follow it in the list.
 * Immutable, like the node behind it.
 */
final class Version {
    private final ArenaSkipList list;
    private final long node;
    private final long ts;

    Version(ArenaSkipList list, long node) {
        this.list = list;
        this.node = node;
        this.ts = list.ts(node);
    }

    long ts() {
        return ts;
    }

    /** The newest version at or before {@code snapshot}, or null when every version is newer. */
    Version visibleAt(long snapshot) {
        if (ts <= snapshot) {
            return this;
        }
        for (long n = list.next(node); n != 0 && list.sameKey(n, node); n = list.next(n)) {
            if (list.ts(n) <= snapshot) {
                return new Version(list, n);
            }
        }
        return null;
    }

    boolean isDelete() {
        return list.isDelete(node);
    }

    /** The value, a fresh array the caller may keep; {@link WriteSet#TOMBSTONE} for a delete. */
    byte[] value() {
        return isDelete() ? WriteSet.TOMBSTONE : list.value(node);
    }
}
