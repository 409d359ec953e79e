package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.store.WriteSet;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The paged store: a copy-on-write B+Tree ({@link TreeWriter}, {@link TreeReader}, {@link
 * TreeCursor}) in one data file of fixed-size checksummed pages ({@link PageHeader}), behind an ARC
 * page cache ({@link PageCache}), with two alternating meta pages ({@link MetaPage}). It holds the
 * committed data beneath the write buffer ({@code txn.VersionedStore}), which applies its merged
 * tables here in batches and pins tree versions for its readers.
 *
 * <p>Design notes.
 * <ol>
 *   <li><b>Copy-on-write, published atomically.</b> A commit never changes a page a reader can
 *       reach: {@link TreeWriter} writes every changed node to a fresh page and {@link #apply} then
 *       publishes the new {@link TreeState} with one volatile write. Readers take no lock and see a
 *       commit entirely or not at all; no reader can see a half-split node or a half-written page.
 *   <li><b>Reclamation by epochs.</b> Pages a commit frees go back to use only when no registered
 *       reader ({@link ReaderRegistry}) walks an older version ({@link FreeSpace}).
 *   <li><b>Shadow paging for durability.</b> The last checkpoint's pages are never overwritten: new
 *       content always goes to pages that checkpoint does not use, and pages it uses but the tree has
 *       freed are held back ({@link FreeSpace}, states 4 and 5) until the next checkpoint is durable. A
 *       checkpoint ({@link #checkpoint}) writes the dirty pages of its tree and the free list,
 *       forces, then writes and forces the alternate meta page. A crash at any point leaves the newer of the two
 *       valid meta pages naming a complete tree. (No double-write area is needed: no page is ever
 *       written in place, so a torn page write can only hit a page no checkpoint uses.)
 *   <li><b>Checkpoints name the WAL position they cover.</b> {@link #apply} remembers the LSN of
 *       the write set's WAL record; a checkpoint writes the last one into its meta page
 *       ({@code checkpointLsn}), so recovery replays exactly the records after it and the WAL
 *       segments before it can be deleted (package {@code dev.lightningdb.engine.wal}).
 *   <li><b>Dirty pages are evictable.</b> A page written by a commit is cached dirty; evicting it
 *       writes it to its (fresh) page, so memory stays bounded by the cache size whatever the load.
 *   <li><b>Single writer.</b> {@link #apply}, {@link #verifyIntegrity} and {@link #close} hold
 *       {@code writeLock} (inside the database's commit lock when called from there; the lock
 *       order is commit lock, {@code checkpointLock}, {@code writeLock}). Readers never take it.
 *   <li><b>Damage.</b> A damaged meta slot is survived when the other is valid (and reported by the
 *       integrity check); a damaged free list makes the store refuse writes (reads go on) with
 *       {@link CorruptionException}; a damaged tree page fails exactly the reads that reach it.
 *   <li><b>Failed checkpoints.</b> A checkpoint that fails before it starts writing the meta page
 *       gives back the pages it took and leaves everything as it was (the dirty pages it wrote live
 *       at fresh ids). One that fails later cannot know whether its meta page reached the disk, so
 *       the store stops accepting writes ({@link #failure}) until it is reopened.
 *   <li><b>Checkpoints beside commits.</b> A checkpoint holds {@code writeLock} only to begin (fix
 *       its tree, its dirty pages, its free list) and to end (publish the new durable state);
 *       {@link #apply} goes on while it writes and forces, so a slow disk does not hold up merges.
 *       That is safe because its tree's pages never change (copy-on-write) and none is reused
 *       until the checkpoint after it is durable ({@link FreeSpace#checkpointBegins}); pages
 *       written meanwhile are at ids neither durable checkpoint uses, and carry the next
 *       generation's LSN. An eviction may write one of its dirty pages at the same time: the same
 *       image to the same place. {@code checkpointLock} keeps checkpoints, the integrity check and
 *       close apart.
 * </ol>
 *
 * <p>States:
 * <pre>
 *   open() ──► WRITABLE ──close()──► CLOSED
 *          ├─► READ_ONLY (config) ──close()──► CLOSED
 *          └─► WRITES_REFUSED (damaged free list) ──close()──► CLOSED
 *   WRITABLE ──writeCheckpoint() fails after the meta write began──► WRITES_REFUSED
 * </pre>
 */
public final class PagedStore implements AutoCloseable {
    /** The data file's name inside a database directory. */
    public static final String FILE_NAME = "data.ldb";

    private static final Cleaner CURSOR_CLEANER = Cleaner.create();

    private final FileIO io;
    private final Pager pager;
    private final boolean readOnly;
    private final boolean checkpointOnClose;
    private final ReaderRegistry readers = new ReaderRegistry();
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Held for a whole checkpoint (taken before writeLock): one checkpoint at a time. */
    private final ReentrantLock checkpointLock = new ReentrantLock();
    private final List<String> metaProblems;
    private final FreeSpace space;
    private final String freeListProblem;
    private final LongAdder gets = new LongAdder();
    private final LongAdder scans = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder checkpoints = new LongAdder();
    private volatile TreeState state;
    private long generation;
    /** The LSN new pages carry: the generation of the next checkpoint that can include them; writeLock. */
    private long pageLsn;
    /** LSN the last durable checkpoint covers; written under writeLock, read without it. */
    private volatile long checkpointLsn;
    /** LSN of the last applied write set; writeLock. */
    private long appliedLsn;
    private byte[] lastMeta;
    /** Why writes are refused after a failed checkpoint (design note 8); null while healthy. */
    private volatile String failure;
    /** The checkpoint whose meta write failed; retried before the next write. writeLock. */
    private PendingMeta pendingMeta;
    private volatile boolean closed;

    private PagedStore(FileIO io, Pager pager, MetaPage meta, byte[] metaBytes, List<String> metaProblems, boolean readOnly,
                       boolean checkpointOnClose) {
        this.io = io;
        this.pager = pager;
        this.readOnly = readOnly;
        this.checkpointOnClose = checkpointOnClose;
        this.metaProblems = metaProblems;
        this.generation = meta.generation();
        this.pageLsn = meta.generation() + 1;
        this.checkpointLsn = meta.checkpointLsn();
        this.appliedLsn = meta.checkpointLsn();
        this.lastMeta = metaBytes;
        this.state = new TreeState(meta.root(), meta.height(), meta.entries(), 1);
        FreeSpace fs = null;
        String problem = null;
        try {
            LongList listPages = new LongList();
            LongList free = FreeListPage.load(pager, meta, listPages);
            fs = new FreeSpace(pager, readers, meta.pageCount(), free, listPages);
        } catch (LightningDbException e) {
            problem = "free list unreadable, the database is read-only until repaired: " + e.getMessage();
        }
        this.space = fs;
        this.freeListProblem = problem;
    }

    /** Writes an empty database (generation 1, one empty leaf) to a new, empty file. */
    public static void format(FileIO io, int pageSize) {
        MetaSlots.format(io, pageSize);
    }

    /**
     * Opens a formatted data file. The page size is the file's; {@code config} supplies the cache
     * size and checksum policy.
     *
     * @throws CorruptionException when neither meta page is valid or the file is truncated
     * @throws LightningDbException CANNOT_OPEN when the file is not a LightningDB file at all
     */
    public static PagedStore open(FileIO io, LightningDbConfig config, boolean checkpointOnClose) {
        MetaSlots.Newest newest = MetaSlots.read(io);
        MetaPage meta = newest.meta();
        Pager pager = new Pager(io, meta.pageSize(), config.verifyChecksumsOnRead(), config.cacheSize(), meta.pageCount(),
                meta.generation() + 1);
        return new PagedStore(io, pager, meta, newest.slot(), newest.problems(), config.readOnly(), checkpointOnClose);
    }

    /** The value of {@code key} in the published tree (a fresh array), or null. */
    public byte[] get(byte[] key) {
        ensureOpen();
        gets.increment();
        long ticket = readers.enter(state.version());
        try {
            return TreeReader.get(pager, state, key);
        } finally {
            readers.exit(ticket);
        }
    }

    /** A walk over the published tree; it pins that version until closed (or collected). */
    public Cursor scan(KeyRange range, boolean reverse) {
        ensureOpen();
        scans.increment();
        ReaderTicket release = new ReaderTicket(readers, readers.enter(state.version()));
        TreeState s = state;
        TreeCursor cursor = new TreeCursor(pager, s, range, reverse, release);
        CURSOR_CLEANER.register(cursor, release);
        return cursor;
    }

    /** The largest key this file's pages hold (a quarter of a page, so that a node holds four). */
    public int maxKeySize() {
        return pager.pageSize() / 4;
    }

    /** The version of the published tree; +1 per {@link #apply}. */
    public long version() {
        return state.version();
    }

    /**
     * Pins the tree of version {@code expected} for reading until {@link #unpin}: its pages are not
     * reused meanwhile. Returns null when that version is no longer the published one (the caller
     * retries with a newer one); registering and then checking the published version is what
     * makes the pin safe (the {@link ReaderRegistry} protocol).
     */
    public PinnedTree pin(long expected) {
        ensureOpen();
        long ticket = readers.enter(expected);
        TreeState s = state;
        if (s.version() != expected) {
            readers.exit(ticket);
            return null;
        }
        return new PinnedTree(s, new ReaderTicket(readers, ticket));
    }

    /** Marks a {@link #getIfVersion} that found the tree at another version. */
    public static final byte[] WRONG_VERSION = new byte[0];

    /**
     * {@link #get} on the tree of version {@code expected} without allocating a pin; returns
     * {@link #WRONG_VERSION} (by identity) when that is no longer the published version.
     */
    public byte[] getIfVersion(long expected, byte[] key) {
        ensureOpen();
        long ticket = readers.enter(expected);
        try {
            TreeState s = state;
            if (s.version() != expected) {
                return WRONG_VERSION;
            }
            gets.increment();
            return TreeReader.get(pager, s, key);
        } finally {
            readers.exit(ticket);
        }
    }

    /** Ends a pin (idempotent); its pages may be reused once no other reader needs them. */
    public void unpin(PinnedTree pinned) { pinned.ticket.run(); }

    /** The value of {@code key} in a pinned tree, or null. */
    public byte[] get(PinnedTree pinned, byte[] key) {
        ensureOpen();
        gets.increment();
        return TreeReader.get(pager, pinned.state, key);
    }

    /** A walk over a pinned tree; the pin must outlive the cursor (closing the cursor does not unpin). */
    public Cursor scan(PinnedTree pinned, KeyRange range, boolean reverse) {
        ensureOpen();
        scans.increment();
        return new TreeCursor(pager, pinned.state, range, reverse, () -> { });
    }

    /**
     * Applies writes (ascending unique keys; a {@link WriteSet#TOMBSTONE} value deletes) as one new
     * tree version (design note 1); {@code lsn} is their last WAL record's, or 0 (note 4).
     */
    public void apply(Iterable<Map.Entry<byte[], byte[]>> writes, long lsn) {
        apply(writes, lsn, Runnable::run);
    }

    public void apply(WriteSet writes, long lsn) {
        apply(writes.entries(), lsn);
    }

    /**
     * {@link #apply} whose publication of the new tree runs inside {@code publisher}, so that the
     * caller can publish its own view of the tree in the same step (readers that see the one must
     * not wait long for the other).
     */
    public void apply(Iterable<Map.Entry<byte[], byte[]>> writes, long lsn, java.util.function.Consumer<Runnable> publisher) {
        writeLock.lock();
        try {
            ensureWritable();
            TreeState base = state;
            TreeWriter writer = new TreeWriter(pager, space, pageLsn);
            TreeState next;
            try {
                next = writer.apply(base, writes, base.version() + 1);
            } catch (RuntimeException | Error e) {
                writer.rollback();
                throw e;
            }
            publisher.accept(() -> state = next);
            appliedLsn = Math.max(appliedLsn, lsn);
            space.free(writer.freed(), next.version());
            commits.increment();
            assert checkInvariants();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Writes a checkpoint of the tree as it is now (design note 3). Only its start and its end take
     * the write lock: {@link #apply} goes on while its pages are written and forced (note 9).
     */
    public void checkpoint() {
        checkpointLock.lock();
        try {
            Capture c;
            writeLock.lock();
            try {
                ensureOpen();
                if (readOnly || space == null) {
                    return;
                }
                ensureWritable();
                c = beginCheckpoint();
            } finally {
                writeLock.unlock();
            }
            writeCheckpoint(c);
        } finally {
            checkpointLock.unlock();
        }
    }

    /** What a checkpoint writes, fixed when it begins. */
    private record Capture(TreeState state, long generation, long coveredLsn, long pageCount, List<PageCache.Frame> dirty,
                           LongList free, LongList listPages) {
    }

    /**
     * Fixes what the checkpoint of the current tree writes; caller holds both locks. Pages written
     * from now on carry the next generation's LSN and none of this tree's pages is reused until
     * the checkpoint after this one is durable ({@link FreeSpace#checkpointBegins}).
     */
    private Capture beginCheckpoint() {
        TreeState s = state;
        long newGeneration = generation + 1;
        int perPage = FreeListPage.capacity(pager.pageSize());
        int estimate = space.freeAfterCheckpoint().size();
        LongList listPages = new LongList();
        for (int i = 0; i < (estimate + perPage - 1) / perPage; i++) {
            listPages.add(space.takeForFreeList());
        }
        LongList free = space.freeAfterCheckpoint();
        try {
            extendPast(space.pageCount());
        } catch (RuntimeException e) {
            for (int i = 0; i < listPages.size(); i++) {
                space.release(listPages.get(i));
            }
            throw e;
        }
        java.util.BitSet freeIds = new java.util.BitSet();
        for (int i = 0; i < free.size(); i++) {
            freeIds.set(Math.toIntExact(free.get(i)));
        }
        List<PageCache.Frame> dirty = pager.cache().dirtyFrames(freeIds);
        space.checkpointBegins();
        pageLsn = newGeneration + 1;
        pager.lsnLimit(pageLsn);
        return new Capture(s, newGeneration, appliedLsn, space.pageCount(), dirty, free, listPages);
    }

    /** Writes, forces and publishes a begun checkpoint; caller holds checkpointLock, commits may run. */
    private void writeCheckpoint(Capture c) {
        try {
            pager.cache().writeFrames(c.dirty());
            int perPage = FreeListPage.capacity(pager.pageSize());
            byte[] page = new byte[pager.pageSize()];
            LongList listPages = c.listPages();
            LongList free = c.free();
            for (int j = 0; j < listPages.size(); j++) {
                int from = Math.min(free.size(), j * perPage);
                int to = Math.min(free.size(), from + perPage);
                FreeListPage.write(page, listPages.get(j), c.generation(), j + 1 < listPages.size() ? listPages.get(j + 1) : 0, free, from, to);
                pager.writePage(listPages.get(j), page);
            }
            pager.force();
        } catch (RuntimeException e) {
            writeLock.lock();
            try {
                for (int i = 0; i < c.listPages().size(); i++) {
                    space.release(c.listPages().get(i)); // nothing durable names them yet
                }
                space.checkpointAborted();
            } finally {
                writeLock.unlock();
            }
            throw e;
        }
        TreeState s = c.state();
        MetaPage meta = new MetaPage(pager.pageSize(), s.height(), c.generation(), c.coveredLsn(), s.root(), s.entries(), c.pageCount(),
                c.listPages().isEmpty() ? 0 : c.listPages().get(0), c.free().size());
        byte[] slot = meta.encode();
        PendingMeta attempt = new PendingMeta(slot, c.generation(), c.coveredLsn(), s, c.listPages());
        try {
            MetaSlots.write(io, (int) (c.generation() % 2), slot);
            pager.force();
        } catch (RuntimeException e) {
            writeLock.lock();
            try {
                pendingMeta = attempt;
                failure = "checkpoint " + c.generation() + " failed while writing its meta page (" + e.getMessage()
                        + "); whether it is durable is unknown, so writes are refused until the same meta page is written again";
            } finally {
                writeLock.unlock();
            }
            throw e;
        }
        writeLock.lock();
        try {
            checkpointDone(attempt);
        } finally {
            writeLock.unlock();
        }
    }

    /** A checkpoint whose meta page may or may not be durable (design note 8); writes wait for it. */
    private record PendingMeta(byte[] slot, long generation, long coveredLsn, TreeState state, LongList listPages) {
    }

    private void checkpointDone(PendingMeta m) {
        generation = m.generation();
        checkpointLsn = m.coveredLsn();
        lastMeta = m.slot();
        space.checkpointed(m.state().version(), m.listPages());
        checkpoints.increment();
    }

    /**
     * Writes a failed checkpoint's meta page again, byte for byte, to the same slot. Whatever part
     * of the first write reached the disk, the slot then holds that checkpoint, and nothing it
     * names was reused meanwhile (writes were refused); the other slot, the last durable
     * checkpoint, was never touched. Caller holds writeLock.
     */
    private void retryPendingMeta() {
        PendingMeta m = pendingMeta;
        MetaSlots.write(io, (int) (m.generation() % 2), m.slot());
        pager.force();
        pendingMeta = null;
        failure = null;
        checkpointDone(m);
    }

    /**
     * Grows a file shorter than {@code pageCount} pages by writing page {@code pageCount}, which no
     * one can have allocated (caller holds writeLock); a zero page at {@code pageCount - 1} could
     * land on content an eviction wrote there once the checkpoint runs beside merges.
     */
    private void extendPast(long pageCount) {
        try {
            if (io.size() < pageCount * pager.pageSize()) {
                byte[] zero = new byte[pager.pageSize()];
                io.write(pageCount * pager.pageSize(), zero, 0, zero.length);
            }
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot extend " + io.name() + ": " + e.getMessage(), e);
        }
    }

    private void truncateTo(long pageCount) {
        try {
            io.truncate(pageCount * pager.pageSize());
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot truncate " + io.name() + ": " + e.getMessage(), e);
        }
    }

    public long checkpointLsn() {
        return checkpointLsn;
    }

    public IntegrityReport verifyIntegrity() {
        checkpointLock.lock(); // a checkpoint being written holds pages no state names yet
        writeLock.lock();
        try {
            ensureOpen();
            if (pendingMeta != null) {
                try {
                    retryPendingMeta(); // its pages would show as leaked while it is pending
                } catch (RuntimeException e) {
                    // still pending: reported below as refusing writes
                }
            }
            IntegrityReport report = new IntegrityChecker(pager, state, space, freeListProblem).run();
            if (failure == null) {
                return report;
            }
            List<String> problems = new ArrayList<>(report.problems());
            problems.add(0, "writes refused: " + failure + " (pages taken for that checkpoint show as leaked until then)");
            return new IntegrityReport(report.pagesChecked(), report.entriesChecked(), problems);
        } finally {
            writeLock.unlock();
            checkpointLock.unlock();
        }
    }

    public Map<String, Long> stats() {
        Map<String, Long> m = new HashMap<>();
        TreeState s = state;
        m.put("store.gets", gets.sum());
        m.put("store.scans", scans.sum());
        m.put("store.commits", commits.sum());
        m.put("store.entries", s.entries());
        m.put("tree.height", (long) s.height());
        m.put("checkpoints", checkpoints.sum());
        m.put("checkpoint.generation", generation);
        m.put("checkpoint.lsn", checkpointLsn);
        m.put("readers.active", readers.active());
        m.put("store.writesRefused", failure != null || space == null ? 1L : 0L);
        m.put("store.checkpointRetryPending", pendingMeta != null ? 1L : 0L);
        pager.addStats(m);
        return m;
    }

    /** Checkpoints (unless read-only or in memory), copies the final meta page to both slots, closes the file. */
    @Override
    public void close() {
        checkpointLock.lock();
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (checkpointOnClose && !readOnly && space != null && pendingMeta != null) {
                    try {
                        retryPendingMeta();
                    } catch (RuntimeException e) {
                        // stays refused; the previous checkpoint and the WAL still hold everything
                    }
                }
                if (checkpointOnClose && !readOnly && space != null && failure == null) {
                    writeCheckpoint(beginCheckpoint());
                    // Both slots now name the final checkpoint: a damaged slot cannot roll the database back.
                    MetaSlots.write(io, (int) ((generation + 1) % 2), lastMeta);
                    truncateTo(space.pageCount()); // the page a checkpoint may add past its last (extendPast)
                    pager.force();
                }
            } finally {
                pager.cache().clear();
                try {
                    io.close();
                } catch (IOException e) {
                    throw new LightningDbException(ErrorCode.IO_ERROR, "cannot close " + io.name() + ": " + e.getMessage(), e);
                }
            }
        } finally {
            writeLock.unlock();
            checkpointLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new LightningDbException(ErrorCode.CLOSED, io.name() + " is closed");
        }
    }

    /** Throws what a write would throw now (closed, read-only, damaged free list, failed checkpoint). */
    public void checkWritable() {
        if (failure == null) {
            ensureWritable();
            return;
        }
        writeLock.lock();
        try {
            ensureWritable();
        } finally {
            writeLock.unlock();
        }
    }

    /** Throws unless writes may go on; retries a failed meta-page write first (caller holds writeLock). */
    private void ensureWritable() {
        ensureOpen();
        if (readOnly) {
            throw new LightningDbException(ErrorCode.READ_ONLY, io.name() + " is open read-only");
        }
        if (space == null) {
            throw new CorruptionException(io.name() + ": " + freeListProblem);
        }
        if (failure != null && pendingMeta != null && writeLock.isHeldByCurrentThread()) {
            try {
                retryPendingMeta();
            } catch (RuntimeException e) {
                throw new LightningDbException(ErrorCode.IO_ERROR, io.name() + ": " + failure + "; the retry failed too: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw new LightningDbException(ErrorCode.IO_ERROR, io.name() + ": " + failure);
        }
    }

    /** Cheap structural facts that hold between operations; for {@code assert}. */
    boolean checkInvariants() {
        TreeState s = state;
        if (s.root() < pager.firstDataPage() || s.root() >= pager.pageCount()) {
            throw new AssertionError("root " + s.root() + " outside the file's pages");
        }
        if (s.height() < 1 || s.height() > MetaPage.MAX_HEIGHT || s.entries() < 0) {
            throw new AssertionError("impossible tree state " + s);
        }
        if (pager.lsnLimit() != pageLsn || (pageLsn != generation + 1 && pageLsn != generation + 2)) {
            throw new AssertionError("pages are written with LSN " + pageLsn + ", read up to LSN " + pager.lsnLimit()
                    + ", but the durable generation is " + generation);
        }
        return true;
    }

    /** Meta-page problems seen at open (a damaged slot that the other one replaced). */
    List<String> metaProblems() {
        return metaProblems;
    }
}
