package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.BackgroundThreads;
import dev.lightningdb.engine.store.paged.PagedStore;
import dev.lightningdb.engine.store.paged.PinnedTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Multi-version committed state: a versioned write buffer ({@link MemTable}) in front of the
 * copy-on-write B+Tree ({@link PagedStore}), merged into the tree in the background.
 *
 * <p>Design notes.
 * <ol>
 *   <li><b>Commits touch memory only.</b> A commit adds its writes to the active table at a new
 *       timestamp and publishes a new {@link View}; no page is written. The active table is frozen
 *       at a sixteenth of {@code writeBufferSize}; point reads find a table's keys through its hash
 *       index ({@link KeyIndex}), and ask only the tables that the {@link TableFilter} says may
 *       hold the key, or none when its hint names the key's newest version. (Smaller tables make
 *       inserts cheaper, but every merge pays per table; docs/storage.md has the figures behind
 *       the sixteenth.) Once the frozen tables hold
 *       {@code writeBufferSize} bytes the merger thread applies their newest versions to the tree
 *       in one copy-on-write batch (each touched leaf is rewritten once per batch); once
 *       {@code checkpointWalSize} bytes were merged (or on request, or on the timer) it also has
 *       the tree checkpointed, which bounds the WAL that recovery replays; the
 *       {@link Checkpointer} thread writes that checkpoint while the merger goes on merging (a
 *       slow disk would otherwise hold up merges, and so commits).
 *       The merger lowers its own CPU priority ({@code backgroundNice}), so that where cores are
 *       scarce it yields to the application, and back-pressure slows writers rather than readers.
 *   <li><b>Snapshots.</b> A reader takes the published view and pins the tree version under it
 *       ({@link PagedStore#pin}); the pin fails if the merger published a newer tree meanwhile,
 *       and the reader retries with the newer view. Versions in the active table newer than the
 *       view's timestamp are skipped. A frozen table never changes, and the tree under a view is
 *       never modified (copy-on-write), so a snapshot is stable for as long as it is held.
 *   <li><b>Garbage collection.</b> Old versions live only in write-buffer tables; the tree holds
 *       the newest version of each key. A merged table is dropped from the view and becomes
 *       garbage when no snapshot or transaction references it; tree pages a snapshot pins are
 *       reused only after it is released (the tree's reader registry).
 *   <li><b>Conflicts.</b> Every commit after a view's timestamp lands in the view's active table
 *       or a later one (tables are chained at freeze: {@link MemTable#successor}), so a write-write
 *       conflict (first committer wins) is found by looking up the written keys in that chain.
 *   <li><b>Locks.</b> {@code lock} guards publication: adding to the active table, freezing,
 *       publishing views, and the merger's hand-shakes. The caller's commit lock is taken
 *       before it and serialises commits (and conflict checks with them). The merger never takes
 *       the commit lock, and a committer never waits while holding the commit lock
 *       ({@link #awaitRoom} is called before taking it), so the two cannot deadlock.
 *   <li><b>Failures.</b> A merge or checkpoint that fails (full disk) leaves the frozen tables in
 *       the view, readable; the merger retries every {@value #RETRY_MILLIS} ms, and commits go on
 *       until {@link #stallBytes} are frozen, then fail with the merge's error instead
 *       of waiting.
 *       Once space is freed the retry succeeds and commits resume, without a restart.
 * </ol>
 */
public final class VersionedStore implements AutoCloseable {
    private static final long RETRY_MILLIS = 100;
    /**
     * Frozen tables at which commits wait for the merger, whatever their bytes: every table then
     * finds a {@link TableFilter} slot (with room for the active table, the merger's freeze and
     * the freezes of commits already past {@link #awaitRoom}). A table without one is asked by
     * every read, and the hints it would have set are lost; at {@link #stallBytes} alone a
     * flat-out writer froze more tables than there are slots (docs/storage.md, "Table filter").
     */
    static final int MAX_FROZEN = TableFilter.SLOTS - 4;
    private static final java.lang.ref.Cleaner CURSOR_CLEANER = java.lang.ref.Cleaner.create();

    private final PagedStore tree;
    private final long bufferLimit;
    private final long checkpointIntervalNanos;
    private final long checkpointBytes;
    private final long stallBytes;
    private final int backgroundNice;
    /** Bytes at which the active table is frozen (design note 1). */
    private final long tableLimit;
    /** Which tables may hold a key, so that a read asks only those (design note 1). */
    private final TableFilter filter;
    /** Bytes of tables merged since the last checkpoint; merger thread only. */
    private long mergedSinceCheckpoint;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread merger;
    /** Writes checkpoints beside the merges; null in memory. */
    private final Checkpointer checkpointer;
    private final Set<ReadSnapshot> tracked = ConcurrentHashMap.newKeySet();
    private final LongAdder merges = new LongAdder();
    private final LongAdder mergeFailures = new LongAdder();
    private final LongAdder mergeNanos = new LongAdder();
    private final LongAdder conflictChecks = new LongAdder();
    private final LongAdder stallNanos = new LongAdder();
    private volatile View view;
    /** Timestamp of the last commit; commit lock. */
    private long lastTs;
    // Guarded by lock:
    private long checkpointRequested;
    /** The highest request whose merge is done (and, on disk, handed to the checkpointer); lock. */
    /** Checkpoint requests the merger answered, its last failure, closing; lock. */
    private final Progress progress = new Progress(changed, "merge");

    /**
     * @param durable whether a merge is followed by a checkpoint (a database on disk)
     * @param bufferLimit bytes of the active table that trigger a merge
     * @param checkpointBytes bytes of merged tables that trigger a checkpoint after a merge
     * @param checkpointInterval a timed merge and checkpoint when writes are pending (zero: none)
     * @param backgroundNice the merger thread's nice value (0: unchanged; see {@link BackgroundPriority})
     */
    public VersionedStore(PagedStore tree, boolean durable, long bufferLimit, long checkpointBytes, Duration checkpointInterval,
                          int backgroundNice, String name) {
        this.tree = tree;
        this.backgroundNice = backgroundNice;
        this.bufferLimit = bufferLimit;
        this.checkpointBytes = checkpointBytes;
        this.stallBytes = stallBytes(bufferLimit, Runtime.getRuntime().maxMemory());
        this.checkpointIntervalNanos = checkpointInterval.toNanos();
        this.tableLimit = Math.max(64L << 10, bufferLimit / 16);
        this.filter = new TableFilter(stallBytes);
        this.view = new View(new MemTable(tableLimit, filter), List.of(), tree.version(), 0);
        this.checkpointer = durable ? new Checkpointer(tree, backgroundNice, name) : null;
        this.merger = new Thread(this::runMerger, "lightning-merge " + name);
        merger.setDaemon(true);
        merger.start();
    }

    /** The tree beneath; for integrity checks and statistics. */
    public PagedStore tree() {
        return tree;
    }

    /** The published view; a transaction keeps its start view to check conflicts at commit. */
    public View currentView() {
        return view;
    }

    // ---- reads ----

    /** The latest committed value of {@code key}, or null (read committed). */
    public byte[] get(byte[] key) {
        for (int spins = 0; ; ) {
            View v = view;
            Version x = v.lookup(key);
            if (x != null) {
                return x.isDelete() ? null : x.value(); // a fresh copy
            }
            byte[] value = tree.getIfVersion(v.treeVersion(), key);
            if (value != PagedStore.WRONG_VERSION) {
                return value;
            }
            awaitView(++spins); // the merger published a tree and is publishing its view
        }
    }

    /** The value of {@code key} in a snapshot, or null. */
    public byte[] get(ReadSnapshot s, byte[] key) {
        Version x = s.view.lookup(key);
        if (x != null) {
            return x.isDelete() ? null : x.value(); // a fresh copy
        }
        return tree.get(s.tree, key);
    }

    /**
     * Pins the current state for reading. {@code track} lists it in the statistics (oldest
     * snapshot age); transactions do, single operations do not.
     */
    public ReadSnapshot snapshot(boolean track) {
        for (int spins = 0; ; ) {
            View v = view;
            PinnedTree pinned = tree.pin(v.treeVersion());
            if (pinned != null) {
                ReadSnapshot s = new ReadSnapshot(this, v, pinned);
                if (track) {
                    tracked.add(s);
                }
                return s;
            }
            awaitView(++spins);
        }
    }

    /**
     * A reader found the tree newer than its view: the merger is between the two publications.
     * Spins briefly, then yields, so that on a busy machine the merger gets the core it needs.
     */
    private static void awaitView(int spins) {
        if (spins < 64) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    void release(ReadSnapshot s) {
        tracked.remove(s);
        tree.unpin(s.tree);
    }

    /** A walk over the latest committed state; the cursor holds its own snapshot until closed. */
    public Cursor scan(KeyRange range, boolean reverse) {
        ReadSnapshot s = snapshot(false);
        try {
            Cursor c = cursor(s, range, reverse, s::close);
            CURSOR_CLEANER.register(c, s::close); // a cursor nobody closed stops pinning once collected
            return c;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A walk over a snapshot; closing the cursor leaves the snapshot open. */
    public Cursor scan(ReadSnapshot s, KeyRange range, boolean reverse) {
        return cursor(s, range, reverse, () -> { });
    }

    /** A walk over a snapshot that runs {@code onClose} once when closed (a share of the snapshot ends). */
    public Cursor scan(ReadSnapshot s, KeyRange range, boolean reverse, Runnable onClose) {
        return cursor(s, range, reverse, onClose);
    }

    private Cursor cursor(ReadSnapshot s, KeyRange range, boolean reverse, Runnable onClose) {
        View v = s.view;
        Cursor t = tree.scan(s.tree, range, reverse);
        if (v.frozen().isEmpty() && v.active().isEmpty()) {
            // Nothing buffered now, so nothing buffered was visible at the view's timestamp: the tree alone.
            return new TreeOnlyCursor(t, onClose);
        }
        List<Iterator<Map.Entry<byte[], Version>>> tables = new ArrayList<>(1 + v.frozen().size());
        tables.add(v.active().range(range, reverse));
        for (MemTable f : v.frozen()) {
            tables.add(f.range(range, reverse));
        }
        return new LayeredCursor(tables, v.visibleTs(), t, reverse, onClose);
    }

    // ---- commits (caller holds the database's commit lock unless noted) ----

    /**
     * Waits, holding no lock, while {@link #stallBytes} are frozen and not yet merged
     * (back-pressure). Throws the merge's error rather than wait for a merge that
     * keeps failing.
     */
    public void awaitRoom() {
        if (hasRoom()) {
            return;
        }
        long start = System.nanoTime();
        lock.lock();
        try {
            while (!hasRoom()) {
                RuntimeException failure = progress.failure();
                if (failure != null) {
                    throw new LightningDbException(ErrorCode.IO_ERROR, "the write buffer is full and merging it into the data file fails: "
                            + failure.getMessage() + " (commits resume once the merge succeeds)", failure);
                }
                if (progress.isClosing()) {
                    throw progress.closed();
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
            stallNanos.add(System.nanoTime() - start);
        }
    }

    /**
     * Frozen bytes at which commits wait for the merger: four buffers where an eighth of the heap
     * holds them, never fewer than two. A fresh JVM's first merges run before their code is
     * compiled, and slower; with room for only one more buffer the writer waited most of them out
     * (docs/storage.md, "Merges").
     */
    static long stallBytes(long bufferLimit, long maxHeap) {
        return Math.max(2 * bufferLimit, Math.min(4 * bufferLimit, maxHeap / 8));
    }

    /**
     * Whether a commit may add now: less than {@link #stallBytes} wait for the merger, in fewer
     * than {@link #MAX_FROZEN} tables.
     */
    public boolean hasRoom() {
        View v = view;
        return v.frozenBytes() < stallBytes && v.frozen().size() < MAX_FROZEN;
    }

    /**
     * The first written key that a commit after {@code start} also wrote (first committer wins),
     * or null when there is none.
     */
    public byte[] writeConflict(View start, Iterable<Map.Entry<byte[], byte[]>> writes) {
        if (start.visibleTs() == lastTs) {
            return null;
        }
        conflictChecks.increment();
        return start.firstWrittenSince(writes);
    }

    /** Whether a commit after {@code start} wrote {@code key} (read validation). */
    public boolean changedSince(View start, byte[] key) {
        return start.writtenSince(key);
    }

    /** Whether a commit after {@code start} wrote any key in {@code range} (read validation of a scan). */
    public boolean changedSince(View start, KeyRange range) {
        return start.writtenSince(range);
    }

    /** Throws when the tree refuses writes (read-only, damaged free list, failed checkpoint): commits must not be accepted. */
    public void checkWritable() {
        tree.checkWritable();
    }

    /** Adds a commit's writes at the next timestamp and makes them visible; returns the timestamp. */
    public long commit(Iterable<Map.Entry<byte[], byte[]>> writes, long lsn) {
        lock.lock();
        try {
            if (progress.isClosing()) {
                throw progress.closed();
            }
            View v = view;
            long ts = lastTs + 1;
            v.active().add(writes, ts, lsn);
            lastTs = ts;
            view = v.committed(ts);
            if (v.active().bytes() >= tableLimit) {
                freezeLocked();
            }
            return ts;
        } finally {
            lock.unlock();
        }
    }

    private void freezeLocked() {
        View v = view;
        MemTable next = new MemTable(tableLimit, filter);
        v.active().freeze(next);
        List<MemTable> frozen = new ArrayList<>(v.frozen().size() + 1);
        frozen.add(v.active());
        frozen.addAll(v.frozen());
        view = new View(next, List.copyOf(frozen), v.treeVersion(), v.visibleTs());
        if (view.frozenBytes() >= bufferLimit) {
            changed.signalAll(); // enough for a merge
        }
    }

    /**
     * Merges everything committed so far into the tree and (on disk) checkpoints it; waits for
     * the merger. Commits and reads go on meanwhile. Any thread, no lock held.
     */
    public void checkpoint() {
        long mine;
        lock.lock();
        try {
            mine = ++checkpointRequested;
            changed.signalAll();
            progress.await(mine);
        } finally {
            lock.unlock();
        }
        if (checkpointer != null) {
            checkpointer.await(mine);
        }
    }

    /** The LSN the tree's last durable checkpoint covers. */
    public long checkpointLsn() {
        return tree.checkpointLsn();
    }

    // ---- the merger ----

    private void runMerger() {
        BackgroundPriority.lowerCurrentThread(backgroundNice);
        long nextTimed = checkpointIntervalNanos > 0 ? System.nanoTime() + checkpointIntervalNanos : Long.MAX_VALUE;
        while (true) {
            List<MemTable> toMerge;
            long request;
            boolean timed;
            lock.lock();
            try {
                while (true) {
                    if (progress.isClosing()) {
                        return;
                    }
                    View v = view;
                    timed = System.nanoTime() >= nextTimed;
                    boolean pending = !v.active().isEmpty() || !v.frozen().isEmpty();
                    if (v.frozenBytes() >= bufferLimit || checkpointRequested > progress.answered() || (timed && pending)) {
                        break;
                    }
                    long wait = nextTimed == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(10) : Math.max(1, nextTimed - System.nanoTime());
                    changed.awaitNanos(wait);
                    if (timed) {
                        nextTimed = System.nanoTime() + checkpointIntervalNanos; // nothing was pending
                    }
                }
                // Every pass freezes the active table and merges all frozen ones: it covers everything
                // committed so far, so it answers every checkpoint request made until now.
                request = checkpointRequested;
                if (!view.active().isEmpty()) {
                    freezeLocked();
                }
                toMerge = view.frozen();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                if (!toMerge.isEmpty()) {
                    long maxLsn = 0;
                    long bytes = 0;
                    for (MemTable m : toMerge) {
                        maxLsn = Math.max(maxLsn, m.maxLsn());
                        bytes += m.bytes();
                    }
                    List<MemTable> merged = toMerge;
                    long mergeStart = System.nanoTime();
                    // The new tree and the view that drops the merged tables are published back to
                    // back under the lock: a reader that finds the tree newer than its view waits
                    // for the view (see get), so that gap must never include waiting for a lock.
                    boolean[] published = {false};
                    try {
                        tree.apply(TableMerge.newestValues(merged), maxLsn, publishTree -> {
                            lock.lock();
                            try {
                                publishTree.run();
                                View v = view;
                                // Tables frozen while this merge ran stay (they are newer: at the front).
                                List<MemTable> rest = v.frozen().subList(0, v.frozen().size() - merged.size());
                                view = new View(v.active(), List.copyOf(rest), tree.version(), v.visibleTs());
                                published[0] = true;
                                changed.signalAll();
                            } finally {
                                lock.unlock();
                            }
                        });
                    } finally {
                        if (published[0]) {
                            filter.release(merged); // out of the published view: their bits and slots go
                        }
                    }
                    merges.increment();
                    mergeNanos.add(System.nanoTime() - mergeStart);
                    mergedSinceCheckpoint += bytes;
                }
                // A checkpoint per merge would rewrite every page a merge touches; one per
                // checkpointBytes of merged writes bounds the WAL that recovery replays instead.
                // It runs on its own thread, beside the next merges.
                boolean due = request > progress.answered() || timed || mergedSinceCheckpoint >= checkpointBytes;
                if (checkpointer != null && due) {
                    checkpointer.submit(request);
                    mergedSinceCheckpoint = 0;
                }
                lock.lock();
                try {
                    progress.answered(request);
                } finally {
                    lock.unlock();
                }
                if (timed && checkpointIntervalNanos > 0) {
                    nextTimed = System.nanoTime() + checkpointIntervalNanos;
                }
            } catch (RuntimeException | Error e) {
                mergeFailures.increment();
                lock.lock();
                try {
                    progress.failed(e);
                    if (!progress.pauseBeforeRetry(RETRY_MILLIS)) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    // ---- the rest ----

    /** Checks the tree (what the last merge left); the write buffer is memory and has nothing to check. */
    public IntegrityReport verifyIntegrity() {
        return tree.verifyIntegrity();
    }

    public Map<String, Long> stats() {
        Map<String, Long> m = new HashMap<>(tree.stats());
        View v = view;
        long versions = v.active().versions();
        for (MemTable f : v.frozen()) {
            versions += f.versions();
        }
        long bytes = v.active().bytes() + v.frozenBytes();
        m.put("mvcc.tables", 1L + v.frozen().size());
        m.put("mvcc.versions", versions);
        m.put("mvcc.bufferBytes", bytes);
        m.put("mvcc.merges", merges.sum());
        m.put("mvcc.mergeFailures", mergeFailures.sum());
        m.put("mvcc.mergeMillis", TimeUnit.NANOSECONDS.toMillis(mergeNanos.sum()));
        if (checkpointer != null) {
            checkpointer.addStats(m);
        }
        m.put("mvcc.conflictChecks", conflictChecks.sum());
        m.put("mvcc.stallMillis", TimeUnit.NANOSECONDS.toMillis(stallNanos.sum()));
        m.put("mvcc.timestamp", v.visibleTs());
        long now = System.nanoTime();
        long oldest = 0;
        for (ReadSnapshot s : tracked) {
            oldest = Math.max(oldest, now - s.openedNanos());
        }
        m.put("mvcc.snapshots", (long) tracked.size());
        m.put("mvcc.oldestSnapshotMillis", TimeUnit.NANOSECONDS.toMillis(oldest));
        return m;
    }

    /**
     * Stops the merger, merges what is left (a failure here loses nothing: the WAL still holds it)
     * and closes the tree, which checkpoints.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            progress.close();
        } finally {
            lock.unlock();
        }
        boolean interrupted = BackgroundThreads.join(merger);
        if (checkpointer != null) {
            interrupted |= checkpointer.stop();
        }
        RuntimeException first = null;
        try {
            View v = view;
            List<MemTable> all = new ArrayList<>(v.frozen().size() + 1);
            all.add(v.active());
            all.addAll(v.frozen());
            long maxLsn = 0;
            boolean any = false;
            for (MemTable m : all) {
                maxLsn = Math.max(maxLsn, m.maxLsn());
                any |= !m.isEmpty();
            }
            if (any) {
                tree.apply(TableMerge.newestValues(all), maxLsn);
            }
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            tree.close();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first != null) {
            throw first;
        }
    }
}
