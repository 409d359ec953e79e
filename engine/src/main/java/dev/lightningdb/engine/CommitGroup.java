package dev.lightningdb.engine;

import dev.lightningdb.engine.store.WriteSet;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Group commit before the log: committers queue their write sets, and the thread that gets the
 * commit lock commits every queued one as a group (conflict checks in queue order, one WAL write
 * for the group, then each added to the write buffer at its own timestamp). The others find their
 * commit done when they get the lock. Under {@code SYNC} they then share forces as before.
 *
 * <p>All or nothing per group for the log: a failed WAL write fails every commit of the group and
 * none is applied. Within a group, a later commit that writes a key an earlier one wrote loses
 * (first committer wins), exactly as if they had committed one after the other.
 */
final class CommitGroup {
    /** One queued commit; fields are written by the thread that commits the group, under the commit lock. */
    static final class Pending {
        /** Null for a blind single write ({@link LightningDb#put}), which has nothing to validate. */
        final Transaction txn;
        final WriteSet writes;
        long lsn;
        RuntimeException error;
        boolean done;

        Pending(Transaction txn, WriteSet writes) {
            this.txn = txn;
            this.writes = writes;
        }
    }

    /** What commits a group: the database's side of it (checks, log, buffer). */
    interface Committer {
        /** Why {@code p} may not commit, or null. */
        String conflict(Pending p);

        /** Logs the group; returns the first LSN (0 without a log). */
        long log(List<WriteSet> group);

        /** Adds one logged commit to the write buffer. */
        void apply(Pending p);
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    void enqueue(Pending p) {
        queue.add(p);
    }

    /** Commits every queued commit (caller holds the commit lock); returns how many were committed. */
    int commitQueued(Committer committer, LongCounter conflicts) {
        List<Pending> group = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null; ) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return 0;
        }
        List<Pending> accepted = new ArrayList<>(group.size());
        Set<ByteBuffer> written = group.size() > 1 ? new HashSet<>() : null;
        for (Pending p : group) {
            String why = committer.conflict(p);
            if (why == null && written != null) {
                why = overlap(p.writes, written);
            }
            if (why != null) {
                conflicts.increment();
                p.error = new ConflictException(why);
                p.done = true;
                continue;
            }
            if (written != null) {
                for (Map.Entry<byte[], byte[]> e : p.writes.entries()) {
                    written.add(ByteBuffer.wrap(e.getKey()));
                }
            }
            accepted.add(p);
        }
        if (accepted.isEmpty()) {
            return 0;
        }
        long first;
        try {
            List<WriteSet> sets = new ArrayList<>(accepted.size());
            for (Pending p : accepted) {
                sets.add(p.writes);
            }
            first = committer.log(sets);
        } catch (RuntimeException e) {
            for (Pending p : accepted) {
                p.error = e;
                p.done = true;
            }
            return 0;
        }
        int committed = 0;
        for (int i = 0; i < accepted.size(); i++) {
            Pending p = accepted.get(i);
            p.lsn = first == 0 ? 0 : first + i;
            try {
                committer.apply(p);
                committed++;
            } catch (RuntimeException e) {
                p.error = e; // only when out of memory or closing; the log may still hold it
            }
            p.done = true;
        }
        return committed;
    }

    private static String overlap(WriteSet writes, Set<ByteBuffer> written) {
        for (Map.Entry<byte[], byte[]> e : writes.entries()) {
            if (written.contains(ByteBuffer.wrap(e.getKey()))) {
                return "write-write conflict on a key another transaction of the same commit group wrote first (first committer wins);"
                        + " retry the transaction";
            }
        }
        return null;
    }

    /** A counter the group bumps (the database's conflict statistic). */
    interface LongCounter {
        void increment();
    }
}
