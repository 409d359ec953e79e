package dev.lightningdb.engine;

import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.wal.ParkedCommitters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit before the log: committers queue their write sets, and the thread that gets the
 * commit lock commits every queued one as a group (conflict checks in queue order, one WAL write
 * for the group, then each added to the write buffer at its own timestamp). The others find their
 * commit done without taking the lock: they park until the leader marks their commit done, or
 * until a leader that left commits queued wakes the oldest of them to lead the next group (one
 * lock hand-over per group, not one per committer). Under {@code SYNC} they then share forces.
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
        final Thread thread = Thread.currentThread();
        long lsn;
        RuntimeException error;
        /** Set last (after lsn and error), by the thread that committed the group; read without the lock. */
        volatile boolean done;

        Pending(Transaction txn, WriteSet writes) {
            this.txn = txn;
            this.writes = writes;
        }

        /** Marks the commit done and wakes its thread, which may be parked waiting for it. */
        void finish() {
            done = true;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        /** Marks the commit done without waking its thread: the log wakes it once the commit is durable. */
        void finishQuietly() {
            done = true;
        }
    }

    /** What commits a group: the database's side of it (checks, log, buffer). */
    interface Committer {
        /** Why {@code p} may not commit, or null. */
        String conflict(Pending p);

        /**
         * Why {@code p} may not commit given the keys that earlier commits of its group write
         * (sorted unsigned), which {@link #conflict} cannot see yet: they are applied after the
         * whole group is checked. Null when it may.
         */
        String conflictInGroup(Pending p, NavigableSet<byte[]> written);

        /** Logs the group; returns the first LSN (0 without a log). */
        long log(List<WriteSet> group);

        /** Adds one logged commit to the write buffer. */
        void apply(Pending p);

        /**
         * Whether committers wait for their log record to be forced (SYNC); then the threads of a
         * group's commits are woken by the log when their records are durable ({@link #wakeWhenDurable}),
         * once, rather than when done and again when durable.
         */
        boolean waitsForForce();

        /** Wakes each sleeper's thread once its record is forced (or the log fails). */
        void wakeWhenDurable(List<ParkedCommitters.Sleeper> sleepers);
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    void enqueue(Pending p) {
        queue.add(p);
    }

    /**
     * Wakes the thread of the oldest commit still queued, so that it leads the next group (called
     * by a leader after releasing the commit lock; the committers of its own group it woke already).
     */
    void wakeNext() {
        Pending next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
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
        NavigableSet<byte[]> written = group.size() > 1 ? new TreeSet<>(Arrays::compareUnsigned) : null;
        for (Pending p : group) {
            String why = committer.conflict(p);
            // A blind single write has no snapshot, so nothing committed before it can conflict
            // with it: it overwrites (last writer wins). Its keys still count against later
            // transactions of the group, which began before it committed.
            if (why == null && written != null && p.txn != null) {
                why = overlap(p.writes, written);
                if (why == null) { // what it read (SERIALIZABLE) or guarded, written by an earlier member
                    why = committer.conflictInGroup(p, written);
                }
            }
            if (why != null) {
                conflicts.increment();
                p.error = new ConflictException(why);
                p.finish();
                continue;
            }
            if (written != null) {
                for (Map.Entry<byte[], byte[]> e : p.writes.entries()) {
                    written.add(e.getKey());
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
                p.finish();
            }
            return 0;
        }
        int committed = 0;
        boolean deferWake = first != 0 && committer.waitsForForce();
        List<ParkedCommitters.Sleeper> sleepers = deferWake ? new ArrayList<>(accepted.size()) : null;
        for (int i = 0; i < accepted.size(); i++) {
            Pending p = accepted.get(i);
            p.lsn = first == 0 ? 0 : first + i;
            try {
                committer.apply(p);
                committed++;
            } catch (RuntimeException e) {
                p.error = e; // only when out of memory or closing; the log may still hold it
            }
            if (deferWake && p.error == null && p.thread != Thread.currentThread()) {
                p.finishQuietly();
                sleepers.add(new ParkedCommitters.Sleeper(p.thread, p.lsn));
            } else {
                p.finish();
            }
        }
        if (sleepers != null && !sleepers.isEmpty()) {
            committer.wakeWhenDurable(sleepers);
        }
        return committed;
    }

    private static String overlap(WriteSet writes, NavigableSet<byte[]> written) {
        for (Map.Entry<byte[], byte[]> e : writes.entries()) {
            if (written.contains(e.getKey())) {
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
