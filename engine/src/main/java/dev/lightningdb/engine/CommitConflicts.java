package dev.lightningdb.engine;

import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.txn.VersionedStore;
import dev.lightningdb.engine.txn.View;
import java.util.NavigableSet;

/** Why a transaction may not commit: the checks the commit pipeline runs under its commit lock. */
final class CommitConflicts {
    private CommitConflicts() {
    }

    /**
     * Why a transaction may not commit (caller holds the commit lock): a key it writes was written
     * by a commit after it began (first committer wins, every level), a range it guarded was written
     * into, or, under SERIALIZABLE, a key or range it read was. Null when it may commit.
     *
     * @param snapshotStart the start of a SNAPSHOT or SERIALIZABLE transaction, null under READ_COMMITTED
     */
    static String of(View snapshotStart, View start, ReadSet reads, IsolationLevel isolation, VersionedStore store, WriteSet pending) {
        // Locks make this check redundant (a key is locked from its write on, and checked when
        // locked); it stays as a guard for SNAPSHOT. READ_COMMITTED has no write-write conflicts.
        byte[] k = snapshotStart == null ? null : store.writeConflict(snapshotStart, pending.entries());
        if (k != null) {
            return "write-write conflict on key " + KeyHex.of(k) + ": another transaction committed a write to it after this "
                    + isolation + " transaction began (first committer wins); retry the transaction";
        }
        return reads.stale(new ReadSet.LaterWrites() {
            @Override
            public boolean touch(View since, byte[] key) {
                return store.changedSince(since, key);
            }

            @Override
            public boolean touch(View since, KeyRange range) {
                return store.changedSince(since, range);
            }
        }, start, "another transaction that committed after this " + isolation + " transaction read or guarded it");
    }

    /**
     * {@link #of}'s read and guard checks against the keys that earlier commits of this commit's
     * group write (sorted unsigned; caller holds the commit lock): they are not in the store yet
     * when the group is checked. Null when it may commit.
     */
    static String within(ReadSet reads, View start, NavigableSet<byte[]> written) {
        return reads.stale(new ReadSet.LaterWrites() {
            @Override
            public boolean touch(View since, byte[] key) {
                return written.contains(key);
            }

            @Override
            public boolean touch(View since, KeyRange range) {
                return ReadSet.anyWithin(written, range);
            }
        }, start, "an earlier transaction of the same commit group");
    }
}
