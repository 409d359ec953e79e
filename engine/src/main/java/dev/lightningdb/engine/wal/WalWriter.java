package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.io.BackgroundThreads;
import dev.lightningdb.engine.io.Directories;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.store.WriteSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends committed write sets to WAL segments ({@link WalFiles}, format {@link WalRecord}) and
 * makes them durable: under {@code SYNC} the committer waits in {@link #awaitDurable}, under
 * {@code ASYNC} a background flusher forces every {@code walFlushInterval}.
 *
 * <p>Invariants:
 * <ol>
 *   <li><b>One appender.</b> {@link #appendAll} and {@link #checkpointed} are called
 *       under the database's commit lock, so LSNs are consecutive and in the order the write sets
 *       are applied to the tree. {@code nextLsn} and {@code position} belong to that lock.
 *   <li><b>Group commit.</b> The durable LSN ({@code durable}'s position) {@code <= writtenLsn};
 *       every record up to it is forced. At most one thread forces at a time ({@code forcing}): the
 *       first waiter becomes leader, reads {@code writtenLsn}, forces without holding {@link #lock},
 *       then advances {@code durable}, which wakes the waiters the force covered ({@link
 *       ParkingLot}: each parks on its own, and the woken wake the rest). Commits that append
 *       while a force runs are covered by the next one, so one force serves a whole group.
 *   <li><b>Segments.</b> A segment is forced before the next one is created, and the file swap
 *       happens only while no force runs. Segments are deleted only when a durable checkpoint
 *       covers all their records (the current segment is rolled at each checkpoint for that).
 *   <li><b>Failures.</b> A failed write leaves {@code position} where it was (the next record
 *       overwrites the torn bytes), so a full disk fails only the commits that hit it. A failed
 *       force is sticky: what reached the disk is unknown, so every later commit fails with
 *       {@code IO_ERROR} until the database is reopened (and recovered), or until a durable
 *       checkpoint covers every record written ({@link #checkpointed}: the log then restarts in a
 *       new segment and the old ones, the unknown ones among them, are deleted). A background flusher's
 *       failure is recorded the same way and surfaces at the next commit; so is an unchecked
 *       exception escaping a force, which must never leave {@code forcing} set or the flusher dead.
 * </ol>
 */
public final class WalWriter implements AutoCloseable {
    private final Path directory;
    private final FileIO.Opener opener;
    private final long segmentSize;
    private final long groupDelayNanos;
    /** Where covered segments go instead of being deleted; null to delete them. */
    private final Path archive;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LongAdder forces = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final Thread flusher;
    private volatile boolean stopping;

    // Appender state (invariant 1).
    private long nextLsn;
    private long position;
    private final SegmentSpace space;
    private long bytesSinceCheckpoint;

    // Shared state, guarded by lock (invariant 2).
    private FileIO io;
    private long segmentFirstLsn;
    private long writtenLsn;
    /**
     * Its position is the durable LSN (read without the lock, so that a woken waiter leaves
     * without it; advanced under it); its waiters wait for a force that another thread runs.
     */
    private final ParkingLot durable;
    private boolean forcing;
    /** Under SYNC: the thread that forces whenever committers wait (null otherwise). */
    private final boolean syncThread;
    private boolean syncerIdle;
    private final Condition syncWanted = lock.newCondition();

    private IOException failure;

    private WalWriter(Path directory, Path archive, FileIO.Opener opener, long segmentSize, Duration groupDelay, FileIO io, long segmentFirstLsn,
                      long position, long lastLsn, WalSyncMode mode, Duration flushInterval) {
        this.directory = directory;
        this.archive = archive;
        this.opener = opener;
        this.segmentSize = segmentSize;
        this.groupDelayNanos = groupDelay.toNanos();
        this.io = io;
        this.segmentFirstLsn = segmentFirstLsn;
        this.position = position;
        this.space = SegmentSpace.of(io, position);
        this.nextLsn = lastLsn + 1;
        this.writtenLsn = lastLsn;
        this.durable = new ParkingLot(lastLsn);
        this.syncThread = mode == WalSyncMode.SYNC;
        if (mode == WalSyncMode.ASYNC) {
            long intervalNanos = flushInterval.toNanos();
            flusher = new Thread(() -> flushLoop(intervalNanos), "lightningdb-wal-flusher " + directory);
        } else if (syncThread) {
            flusher = new Thread(this::syncLoop, "lightningdb-wal-sync " + directory);
        } else {
            flusher = null;
        }
        if (flusher != null) {
            flusher.setDaemon(true);
            flusher.start();
        }
    }

    /**
     * Continues the log after recovery: appends to the tail segment the reader left, or starts a
     * new one at {@code checkpointLsn + 1} when the log holds nothing after the checkpoint (then
     * every older segment is covered by the checkpoint and deleted).
     */
    static WalWriter open(Path directory, Path archive, FileIO.Opener opener, WalReader.Result recovered, long checkpointLsn, long segmentSize,
                          Duration groupDelay, WalSyncMode mode, Duration flushInterval) throws IOException {
        if (recovered.tail() != null && recovered.lastLsn() >= checkpointLsn) {
            FileIO io = opener.open(recovered.tail().path(), false, false);
            return new WalWriter(directory, archive, opener, segmentSize, groupDelay, io, recovered.tail().firstLsn(), recovered.tailEnd(),
                    recovered.lastLsn(), mode, flushInterval);
        }
        for (WalFiles.Segment s : WalFiles.list(directory)) {
            WalFiles.retire(s.path(), archive);
        }
        FileIO io = opener.open(WalFiles.path(directory, checkpointLsn + 1), true, false);
        Directories.force(directory);
        return new WalWriter(directory, archive, opener, segmentSize, groupDelay, io, checkpointLsn + 1, 0, checkpointLsn, mode, flushInterval);
    }

    /**
     * Writes the write sets as consecutive records with one write call (a commit group) and
     * returns the LSN of the first; all or none of them are written. Caller holds the commit lock.
     *
     * @throws LightningDbException IO_ERROR when the write fails or an earlier force failed
     */
    public long appendAll(List<WriteSet> group) {
        checkFailure();
        byte[] rec;
        if (group.size() == 1) {
            rec = WalRecord.encode(nextLsn, group.get(0));
        } else {
            byte[][] parts = new byte[group.size()][];
            int total = 0;
            for (int i = 0; i < parts.length; i++) {
                parts[i] = WalRecord.encode(nextLsn + i, group.get(i));
                total = Math.addExact(total, parts[i].length);
            }
            rec = new byte[total];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, rec, at, part.length);
                at += part.length;
            }
        }
        if (position > 0 && position + rec.length > segmentSize) {
            roll();
        }
        try {
            io.write(position, rec, 0, rec.length);
            space.extendAfter(io, position + rec.length, segmentSize);
        } catch (IOException | RuntimeException e) { // unchecked from a file implementation: the same failed write
            LightningDbException failure = new LightningDbException(ErrorCode.IO_ERROR, "cannot write WAL record " + nextLsn
                    + (group.size() > 1 ? " (and the " + (group.size() - 1) + " after it, one commit group)" : "") + " to " + io.name()
                    + ": " + e.getMessage(), e);
            try {
                io.truncate(position); // no part of the failed record stays behind the log's end
                space.truncated(position);
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
        long first = nextLsn;
        nextLsn += group.size();
        position += rec.length;
        bytesSinceCheckpoint += rec.length;
        records.add(group.size());
        bytes.add(rec.length);
        lock.lock();
        try {
            writtenLsn = nextLsn - 1;
        } finally {
            lock.unlock();
        }
        return first;
    }

    /**
     * Returns once record {@code lsn} is forced, forcing it (and every record written so far) when
     * no other thread is already doing so.
     *
     * @throws LightningDbException IO_ERROR when the force fails (now or before), INTERRUPTED
     */
    public void awaitDurable(long lsn) {
        awaitDurable(lsn, null);
    }

    /**
     * {@link #awaitDurable(long)} for a thread that {@link #listUntilDurable} listed already with
     * {@code listed} (null: none), which it leaves here, helping wake the others its force covered.
     */
    public void awaitDurable(long lsn, ParkingLot.Waiter listed) {
        ParkingLot.Waiter me = listed;
        try {
            while (durable.reached() < lsn) { // volatile: a woken waiter leaves without touching the lock
                boolean leader = false;
                lock.lock();
                try {
                    if (durable.reached() >= lsn) {
                        return;
                    }
                    checkFailure();
                    if (!forcing && durable.isEmpty()) {
                        // Nobody forces or waits: force here, without handing over to another thread
                        // (a lone committer's latency); commits that arrive meanwhile wait below.
                        forcing = true;
                        leader = true;
                    } else if (syncThread && !stopping || forcing) {
                        me = me == null ? durable.waiter(lsn) : me;
                        durable.add(me);
                        if (syncThread && !stopping && syncerIdle) {
                            syncerIdle = false;
                            syncWanted.signal();
                        }
                    } else {
                        forcing = true;
                        leader = true;
                    }
                } finally {
                    lock.unlock();
                }
                if (leader) {
                    lead();
                    continue;
                }
                durable.park(me, 0); // until a force covers us; a spurious return loops
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new LightningDbException(ErrorCode.INTERRUPTED, "interrupted while waiting for WAL record " + lsn
                            + " to be forced; the commit is applied but may not be durable");
                }
            }
        } finally {
            if (me != null) {
                durable.leave(me); // wakes others the same force covered
            }
        }
    }

    /**
     * Lists the waits of committers whose records are written, so that a force wakes each of them
     * once, without their waking first to list themselves; each must then call {@link
     * #awaitDurable(long, ParkingLot.Waiter)} with its waiter. Returns the threads it did not list
     * (their record is forced already, or no sync thread forces for waiters: not SYNC, stopping, or
     * the log failed): the caller wakes those, and they wait for themselves.
     */
    public List<Thread> listUntilDurable(List<ParkingLot.Waiter> waiters) {
        List<Thread> notListed = new java.util.ArrayList<>();
        lock.lock();
        try {
            boolean listing = syncThread && !stopping && failure == null;
            boolean listed = false;
            for (ParkingLot.Waiter w : waiters) {
                if (listing && durable.add(w)) {
                    listed = true;
                } else {
                    notListed.add(w.thread());
                }
            }
            if (listed && syncerIdle) {
                syncerIdle = false;
                syncWanted.signal();
            }
            return notListed;
        } finally {
            lock.unlock();
        }
    }

    /** The parking lot of the waits for forces, for listing waits on behalf of other threads. */
    public ParkingLot.Waiter waiterFor(Thread thread, long lsn) {
        return durable.waiter(thread, lsn);
    }

    /**
     * Under {@code SYNC}: forces back to back while committers wait, so that no force waits for a
     * woken committer to take the lead; the commits appended during one force share the next.
     */
    private void syncLoop() {
        while (true) {
            lock.lock();
            try {
                while (forcing || (durable.isEmpty() && !stopping)) {
                    syncerIdle = true;
                    syncWanted.awaitUninterruptibly();
                }
                syncerIdle = false;
                if (durable.isEmpty()) {
                    return; // stopping, and nobody waits
                }
                forcing = true;
            } finally {
                lock.unlock();
            }
            try {
                lead();
            } catch (LightningDbException e) {
                // Recorded in `failure` by lead(); every waiter was woken and reports it.
            } catch (RuntimeException | Error e) {
                recordFailure(new IOException("the WAL sync thread failed: " + e, e));
            }
        }
    }

    /** The leader's part of group commit: one force for every record written so far. */
    private void lead() {
        if (groupDelayNanos > 0) {
            LockSupport.parkNanos(groupDelayNanos); // let more committers join; an interrupt only shortens it
        }
        long target;
        FileIO f;
        lock.lock();
        try {
            target = writtenLsn;
            f = io;
        } finally {
            lock.unlock();
        }
        IOException error = null;
        Error fatal = null;
        try {
            f.force();
            forces.increment();
        } catch (IOException e) {
            error = e;
        } catch (RuntimeException e) {
            // A file implementation that lets an unchecked exception escape: still a failed force
            // (invariant 4). Letting it pass would leave `forcing` set and every waiter blocked.
            error = new IOException("force of " + f.name() + " failed: " + e, e);
        } catch (Error e) {
            error = new IOException("force of " + f.name() + " failed: " + e, e);
            fatal = e;
        }
        ParkingLot.Wakeup covered = null;
        ParkingLot.Wakeup rest = null;
        lock.lock();
        try {
            forcing = false;
            if (error == null) {
                covered = durable.advance(target);
            } else if (failure == null) {
                failure = error;
            }
            // With a sync thread the uncovered waiters stay parked for its next force; without one
            // (or after a failure, which they report) they are all woken and one leads the next force.
            if (error != null || !syncThread) {
                rest = durable.takeAll();
            }
            changed.signalAll(); // the few that wait for no force to run (segment swap, close)
            if (syncThread) {
                syncWanted.signal(); // the sync thread forces again for the rest, or sees a force end it waited out
            }
        } finally {
            lock.unlock();
        }
        if (covered != null) {
            covered.start(); // the woken wake the rest while this thread goes on
        }
        if (rest != null) {
            rest.start();
        }
        if (fatal != null) {
            throw fatal;
        }
        if (error != null) {
            throw failed();
        }
    }

    /** Forces everything written so far. */
    public void flush() {
        long w;
        lock.lock();
        try {
            w = writtenLsn;
        } finally {
            lock.unlock();
        }
        awaitDurable(w);
    }

    private void flushLoop(long intervalNanos) {
        while (!stopping) {
            LockSupport.parkNanos(intervalNanos);
            if (stopping) {
                return;
            }
            try {
                flush();
            } catch (LightningDbException e) {
                // Recorded in `failure` by lead(): the next commit reports it (invariant 4).
                if (e.code() == ErrorCode.INTERRUPTED) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                // Never let the flusher die silently: ASYNC commits would then never be forced.
                recordFailure(new IOException("the WAL flusher failed: " + e, e));
                if (e instanceof Error err) {
                    throw err;
                }
            }
        }
    }

    /**
     * A durable checkpoint now covers every record up to {@code lsn} (caller holds the commit
     * lock): releases waiters; when it covers the whole log, starts a new segment; deletes every
     * segment whose records it covers entirely.
     */
    public void checkpointed(long lsn) {
        ParkingLot.Wakeup covered;
        ParkingLot.Wakeup rest;
        lock.lock();
        try {
            covered = durable.advance(Math.min(lsn, writtenLsn));
            rest = durable.takeAll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        covered.start();
        rest.start();
        boolean coversAll = lsn == nextLsn - 1;
        if (coversAll) {
            bytesSinceCheckpoint = 0;
            if (position > 0) {
                roll();
            }
        }
        try {
            WalFiles.retireCovered(directory, archive, lsn, segmentFirstLsn);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "checkpoint at LSN " + lsn + " is durable, but old WAL segments in " + directory
                    + " could not be deleted: " + e.getMessage(), e);
        }
        if (!coversAll) {
            return;
        }
        // Invariant 4: the durable checkpoint holds every record, and the segments whose state was
        // unknown are gone; the log starts afresh, so it takes commits again.
        lock.lock();
        try {
            failure = null;
        } finally {
            lock.unlock();
        }
    }

    /** Forces the current segment and continues in a new one starting at {@code nextLsn} (invariant 3). */
    private void roll() {
        flush();
        Path path = WalFiles.path(directory, nextLsn);
        FileIO next;
        try {
            next = opener.open(path, true, false);
            next.truncate(0);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot create WAL segment " + path + ": " + e.getMessage(), e);
        }
        Directories.force(directory);
        FileIO old;
        lock.lock();
        try {
            while (forcing) {
                changed.awaitUninterruptibly();
            }
            old = io;
            io = next;
            segmentFirstLsn = nextLsn;
        } finally {
            lock.unlock();
        }
        position = 0;
        space.reset();
        try {
            old.close();
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot close WAL segment " + old.name() + ": " + e.getMessage(), e);
        }
    }

    /** Makes the log refuse commits from now on (invariant 4); the first failure is kept. */
    private void recordFailure(IOException e) {
        ParkingLot.Wakeup rest;
        lock.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            rest = durable.takeAll();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        rest.start();
    }

    private void checkFailure() {
        lock.lock();
        try {
            if (failure != null) {
                throw failed();
            }
        } finally {
            lock.unlock();
        }
    }

    private LightningDbException failed() {
        return new LightningDbException(ErrorCode.IO_ERROR, "the WAL in " + directory + " failed to force or cut (" + failure.getMessage()
                + "); what reached the disk is unknown, so commits are refused until the database is reopened", failure);
    }

    /** WAL bytes appended since the last checkpoint. */
    public long bytesSinceCheckpoint() {
        return bytesSinceCheckpoint;
    }

    public void addStats(Map<String, Long> m) {
        m.put("wal.records", records.sum());
        m.put("wal.bytes", bytes.sum());
        m.put("wal.forces", forces.sum());
        lock.lock();
        try {
            m.put("wal.durableLsn", durable.reached());
            m.put("wal.failed", failure == null ? 0L : 1L);
        } finally {
            lock.unlock();
        }
    }

    /** Stops the flusher and closes the segment; does not force (call {@link #flush} first). */
    @Override
    public void close() {
        stopping = true;
        boolean interrupted = false;
        if (flusher != null) {
            LockSupport.unpark(flusher);
            lock.lock();
            try {
                syncWanted.signalAll();
            } finally {
                lock.unlock();
            }
            interrupted = BackgroundThreads.join(flusher);
        }
        lock.lock();
        try {
            while (forcing) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        try {
            io.close();
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot close WAL segment " + io.name() + ": " + e.getMessage(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
