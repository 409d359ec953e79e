package dev.lightningdb.engine;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.lock.LockOwner;
import dev.lightningdb.engine.lock.LockTable;
import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.txn.VersionedStore;
import dev.lightningdb.engine.wal.ParkingLot;
import dev.lightningdb.engine.wal.WalWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The commit path of a database, top to bottom in {@link #commit}:
 * <ol>
 *   <li><b>Accept</b>: not read-only, the store takes writes, room in the write buffer
 *       (back-pressure). Before any lock, so that a commit waiting for room holds nothing.
 *   <li><b>Queue</b>, then lead or wait: whoever gets the commit lock commits every queued commit
 *       as one group ({@link #commitGroup}); the others wait in {@link #committed} until their
 *       group is committed, or until a leader that left commits queued wakes the oldest to lead
 *       the next group (one lock hand-over per group, not one per committer).
 *   <li><b>Check conflicts</b> in queue order, against the store and the group's earlier members.
 *   <li><b>Log</b> the group's write sets in one WAL write.
 *   <li><b>Apply</b> each to the write buffer at its own timestamp and LSN.
 *   <li><b>Visible</b>: the transaction's hook runs, then its locks go (a single write: its key lock);
 *       the leader does this for every commit of its group, before it publishes the group.
 *   <li><b>Durable</b> (SYNC): wait until the WAL has forced the commit's record. The leader lists
 *       its followers' waits with the WAL before it publishes the group, so that a follower is
 *       woken once, by the force, not first by the group's end.
 * </ol>
 *
 * <p>Invariants:
 * <ol>
 *   <li><b>One writer.</b> Steps 3-6 run under the commit lock, a group at a time, so LSN order,
 *       apply order and timestamp order are one order. No commit waits for a force under it (only
 *       a segment roll forces the segment it closes).
 *   <li><b>First committer wins</b>, within a group too: a member that writes a key an earlier
 *       member wrote, or whose guarded ranges or (SERIALIZABLE) reads such a key touches, fails with
 *       {@link ConflictException}, exactly as if they had committed one after the other. A blind
 *       single write never conflicts (last writer wins), but its keys count against later members.
 *   <li><b>All or nothing per group for the log</b>: a failed WAL write fails every commit of the
 *       group, and none is applied.
 *   <li><b>Visible before durable, locks after apply and before the force wait.</b> A waiter for
 *       the locks reads the commit; a commit it then makes is logged after this one, so a crash
 *       that loses this commit (its force never happened) loses that one too. So no lock waiter
 *       waits for this commit's force.
 *   <li><b>Errors.</b> The thread that led the group throws its commit's error itself; every other
 *       gets its own copy with the same {@link ErrorCode} (a conflict stays a {@link
 *       ConflictException}), so that no exception object is thrown in two threads.
 *   <li><b>Closing</b> takes the commit lock: the group in flight completes, queued commits fail
 *       with {@code CLOSED}, and the log is forced before the store closes.
 * </ol>
 */
final class CommitPipeline {
    /** Bounds a follower's park in case a hand-over of the lead is missed; it is woken long before. */
    private static final long GROUP_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final LightningDbConfig config;
    private final VersionedStore store;
    /** The write-ahead log; null in memory and read-only. */
    private final WalWriter wal;
    private final LockTable locks;
    private final String name;
    private final ReentrantLock commitLock = new ReentrantLock();
    /** Commits waiting for a leader, in queue order; guarded by itself with {@link #queued}. */
    private final List<Commit> queue = new ArrayList<>();
    /** The number of the last commit queued. */
    private long queued;
    /** Its position is the number of the last commit whose group is committed (step 2). */
    private final ParkingLot committed = new ParkingLot(0);
    private final LongAdder commits = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    /** The checkpoint LSN last handed to the WAL; commit lock. */
    private long walCheckpointed;
    private volatile boolean closed;

    /** One queued commit; the leader writes its outcome under the commit lock, before its group is published. */
    private static final class Commit {
        /** Null for a blind single write ({@link LightningDb#put}), which has nothing to validate. */
        final Transaction txn;
        /** A single write's lock owner; null for a transaction. */
        final LockOwner singleWriter;
        final WriteSet writes;
        /** The committing thread. */
        final Thread thread = Thread.currentThread();
        long number;
        long lsn;
        RuntimeException error;
        boolean settled;
        /** What its visibility hook threw, when the leader ran it (step 6). */
        RuntimeException hookError;
        /** Its wait for the force, listed by the leader so that only the force wakes it (null: it waits for itself). */
        ParkingLot.Waiter durableWait;

        Commit(Transaction txn, LockOwner singleWriter, WriteSet writes) {
            this.txn = txn;
            this.singleWriter = singleWriter;
            this.writes = writes;
        }

        void fail(RuntimeException e) {
            error = e;
            settled = true;
        }
    }

    CommitPipeline(LightningDbConfig config, VersionedStore store, WalWriter wal, LockTable locks, String name) {
        this.config = config;
        this.store = store;
        this.wal = wal;
        this.locks = locks;
        this.name = name;
    }

    /** Commits the writes of {@code txn}; returns once they are visible and, under SYNC, durable. */
    void commit(Transaction txn, WriteSet writes) {
        commit(new Commit(txn, null, writes));
    }

    /** Commits a blind single write whose key lock {@code owner} holds; the lock goes once it is visible. */
    void commitSingle(LockOwner owner, WriteSet writes) {
        commit(new Commit(null, owner, writes));
    }

    private void commit(Commit c) {
        if (config.readOnly()) {
            throw new LightningDbException(ErrorCode.READ_ONLY, "database is open read-only");
        }
        store.checkWritable();
        store.awaitRoom(); // back-pressure, before the commit lock (see VersionedStore, note 5)
        synchronized (queue) {
            c.number = ++queued;
            queue.add(c);
        }
        boolean led = awaitGroup(c);
        if (c.error != null) {
            throw led ? c.error : copyOf(c.error);
        }
        try {
            if (wal != null && c.lsn != 0 && config.walSyncMode() == WalSyncMode.SYNC) {
                wal.awaitDurable(c.lsn, c.durableWait); // outside the commit lock: concurrent committers share one force
            }
        } finally {
            if (c.hookError != null) {
                throw c.hookError;
            }
        }
    }

    /** Step 6 for {@code c}, run by its group's leader: the hook, then its locks go. */
    private void makeVisible(Commit c) {
        try {
            if (c.txn != null) {
                c.txn.visible();
            } else {
                locks.releaseFrom(c.singleWriter, 0);
            }
        } catch (RuntimeException e) {
            c.hookError = e; // the locks went all the same (Transaction.visible releases them in any case)
        }
    }

    /** Waits until {@code c}'s group is committed, leading a group whenever the lock is free; returns whether this thread led it. */
    private boolean awaitGroup(Commit c) {
        ParkingLot.Waiter me = null;
        try {
            while (committed.reached() < c.number) {
                if (commitLock.tryLock()) {
                    ParkingLot.Wakeup followers = null;
                    try {
                        if (committed.reached() < c.number) { // still queued, so in the group this thread takes
                            followers = commitGroup(c);
                            checkStrictly();
                            return true;
                        }
                    } finally {
                        commitLock.unlock();
                        if (followers != null) {
                            followers.start();
                        }
                        committed.wakeFirst(); // commits queued meanwhile: the oldest leads the next group
                    }
                    continue;
                }
                me = me == null ? committed.waiter(c.number) : me;
                committed.add(me);
                if (commitLock.isLocked()) { // else its holder may have left before we were listed: try it again
                    committed.park(me, GROUP_WAIT_NANOS);
                }
            }
            return false;
        } finally {
            if (me != null) {
                committed.leave(me);
            }
        }
    }

    /**
     * Steps 3-6 for every queued commit (caller holds the commit lock, {@code mine} is its own);
     * returns the wake-up of the threads that are not left to the force to wake.
     */
    private ParkingLot.Wakeup commitGroup(Commit mine) {
        List<Commit> group;
        long last;
        synchronized (queue) {
            group = new ArrayList<>(queue);
            queue.clear();
            last = queued;
        }
        try {
            List<Commit> accepted = checkConflicts(group);
            if (!accepted.isEmpty()) {
                logAndApply(accepted);
            }
        } catch (RuntimeException | Error e) { // none is expected: settle every commit with it, so that no follower waits forever
            RuntimeException failure = e instanceof RuntimeException re ? re : new LightningDbException(ErrorCode.IO_ERROR, e.toString(), e);
            group.stream().filter(x -> !x.settled).forEach(x -> x.fail(failure));
            committed.advance(last).start();
            throw e;
        }
        for (Commit c : group) {
            if (c.error == null) {
                makeVisible(c);
            }
        }
        return committed.advance(last, leaveToForce(group, mine));
    }

    /**
     * Under SYNC, lists each follower's wait for its record's force with the WAL, so that the force
     * wakes it once rather than this group's end waking it first (a wake-up and a hand-over of the
     * WAL's lock per follower); returns the threads it listed.
     */
    private List<Thread> leaveToForce(List<Commit> group, Commit mine) {
        if (wal == null || config.walSyncMode() != WalSyncMode.SYNC || group.size() < 2) {
            return List.of();
        }
        List<ParkingLot.Waiter> waits = new ArrayList<>(group.size());
        for (Commit c : group) {
            if (c != mine && c.error == null && c.lsn != 0) {
                c.durableWait = wal.waiterFor(c.thread, c.lsn);
                waits.add(c.durableWait);
            }
        }
        List<Thread> notListed = wal.listUntilDurable(waits);
        List<Thread> listed = new ArrayList<>(waits.size());
        for (ParkingLot.Waiter w : waits) {
            if (!notListed.contains(w.thread())) {
                listed.add(w.thread());
            }
        }
        return listed;
    }

    /** Step 3: the group's commits that may commit, in queue order; the others fail with a conflict. */
    private List<Commit> checkConflicts(List<Commit> group) {
        List<Commit> accepted = new ArrayList<>(group.size());
        NavigableSet<byte[]> written = group.size() > 1 ? new TreeSet<>(Arrays::compareUnsigned) : null;
        for (Commit c : group) {
            String why = c.txn == null ? null : c.txn.conflict(store, c.writes);
            if (why == null && written != null && c.txn != null) {
                why = overlap(c.writes, written);
                if (why == null) { // what it read (SERIALIZABLE) or guarded, written by an earlier member
                    why = c.txn.conflictWithin(written);
                }
            }
            if (why != null) {
                conflicts.increment();
                c.fail(new ConflictException(why));
                continue;
            }
            if (written != null) {
                for (Map.Entry<byte[], byte[]> e : c.writes.entries()) {
                    written.add(e.getKey());
                }
            }
            accepted.add(c);
        }
        return accepted;
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

    /** Steps 4 and 5: one WAL write for the group, then each commit applied at its own LSN (invariants 1 and 3). */
    private void logAndApply(List<Commit> accepted) {
        long first;
        try {
            ensureOpen(); // queued commits fail together when the database closed while they waited
            first = log(accepted);
        } catch (RuntimeException e) {
            accepted.forEach(c -> c.fail(e));
            return;
        }
        for (int i = 0; i < accepted.size(); i++) {
            Commit c = accepted.get(i);
            c.lsn = first == 0 ? 0 : first + i;
            try {
                store.commit(c.writes.entries(), c.lsn);
                commits.increment();
            } catch (RuntimeException e) {
                c.error = e; // only when out of memory or closing; the log may still hold it
            }
            c.settled = true;
        }
    }

    /** Appends the group to the WAL; returns the first LSN, or 0 when nothing is logged. */
    private long log(List<Commit> accepted) {
        if (wal == null) {
            return 0;
        }
        walCatchUp();
        if (config.walSyncMode() == WalSyncMode.OFF) {
            return 0;
        }
        List<WriteSet> sets = new ArrayList<>(accepted.size());
        for (Commit c : accepted) {
            sets.add(c.writes);
        }
        return wal.appendAll(sets);
    }

    /** Strict mode: the leader checks the whole store after its group and throws what it finds. */
    private void checkStrictly() {
        if (config.strictMode() && !closed) {
            IntegrityReport report = store.verifyIntegrity();
            if (!report.isClean()) {
                throw new CorruptionException("strict mode: integrity check failed after commit: " + report);
            }
        }
    }

    /** A follower's own copy of its group's error (invariant 5). */
    private static RuntimeException copyOf(RuntimeException e) {
        if (e instanceof ConflictException c) {
            return new ConflictException(c.getMessage().replaceFirst("^CONFLICT: ", ""));
        }
        ErrorCode code = e instanceof LightningDbException l ? l.code() : ErrorCode.IO_ERROR;
        return new LightningDbException(code, e.getMessage().replaceFirst("^[A-Z_]+: ", ""), e);
    }

    /** After a checkpoint: lets the WAL drop what the last durable checkpoint covers. */
    void checkpointed() {
        if (wal == null) {
            return;
        }
        commitLock.lock();
        try {
            walCatchUp();
        } finally {
            commitLock.unlock();
        }
    }

    /** Hands the WAL the newest durable checkpoint's LSN (caller holds the commit lock). */
    private void walCatchUp() {
        long covered = store.checkpointLsn();
        if (covered > walCheckpointed) {
            wal.checkpointed(covered);
            walCheckpointed = covered;
        }
    }

    void addStats(Map<String, Long> m) {
        m.put("txn.commits", commits.sum());
        m.put("txn.conflicts", conflicts.sum());
        if (wal != null) {
            wal.addStats(m);
        }
    }

    boolean isClosed() {
        return closed;
    }

    void ensureOpen() {
        if (closed) {
            throw new LightningDbException(ErrorCode.CLOSED, "database " + name + " is closed");
        }
    }

    /** Invariant 6: forces the log, closes the store (which checkpoints) and then the log. Closing twice does nothing. */
    void close() {
        commitLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            RuntimeException first = null;
            if (wal != null) {
                try {
                    wal.flush();
                } catch (RuntimeException e) {
                    first = e;
                }
            }
            try {
                store.close();
            } catch (RuntimeException e) {
                first = addTo(first, e);
            }
            if (wal != null) {
                try {
                    if (first == null) {
                        wal.checkpointed(store.checkpointLsn());
                    }
                } catch (RuntimeException e) {
                    first = addTo(first, e);
                }
                try {
                    wal.close();
                } catch (RuntimeException e) {
                    first = addTo(first, e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            commitLock.unlock();
        }
    }

    private static RuntimeException addTo(RuntimeException first, RuntimeException e) {
        if (first == null) {
            return e;
        }
        first.addSuppressed(e);
        return first;
    }
}
