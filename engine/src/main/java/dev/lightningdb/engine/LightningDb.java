package dev.lightningdb.engine;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.lock.LockOwner;
import dev.lightningdb.engine.lock.LockTable;
import dev.lightningdb.engine.salvage.Salvage;
import dev.lightningdb.engine.salvage.SalvageReport;
import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.store.paged.PagedStore;
import dev.lightningdb.engine.txn.VersionedStore;
import dev.lightningdb.engine.wal.WalRecovery;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An open database: a directory on disk ({@link #open}) or a map in memory ({@link #inMemory}).
 * Thread-safe. Single operations ({@link #get}, {@link #put}, ...) are transactions of their own;
 * {@link #begin()} groups several.
 *
 * <p>Lock order: the commit lock is the only engine-wide lock, held only while a commit group is
 * checked, logged and applied (single writer); never while a commit waits for its WAL force.
 * Readers never take it. The whole commit path, with its invariants, is {@link CommitPipeline}.
 *
 * <p>Storage: a paged copy-on-write B+Tree (see {@code store.paged.PagedStore} and
 * {@code docs/storage.md}); in-memory databases run the same code over a memory file and have no
 * log. Durability (on disk): a commit appends its write set to the WAL ({@code wal.WalWriter})
 * under the commit lock, applies it to the tree, releases the lock, and under {@code SYNC} then
 * waits until its record is forced (group commit); under {@code ASYNC} a background flusher forces
 * the log. Open replays the WAL after the last checkpoint ({@code wal.WalRecovery}).
 *
 * <p>Visibility before durability: other threads may read a commit after it is applied and before
 * its force returns. A crash in between loses it together with every later commit (the log is
 * replayed in order and cut at the first missing record), so nothing acknowledged depends on it.
 */
public final class LightningDb implements AutoCloseable {
    private final Path directory;
    private final LightningDbConfig config;
    private final VersionedStore store;
    private final WalRecovery.Outcome recovery;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicInteger activeTransactions = new AtomicInteger();
    private final Set<Transaction> openTransactions = ConcurrentHashMap.newKeySet();
    private final LockTable locks = new LockTable(this::describeKey);
    /**
     * The owner of a single write's lock, one per thread: it holds the lock only during the call.
     * Reusing it is safe because the deadlock check confirms a cycle with the whole table held.
     */
    private final ThreadLocal<LockOwner> singleWriters =
            ThreadLocal.withInitial(() -> new LockOwner("a single write"));
    private final AtomicLong transactionIds = new AtomicLong();
    private final long lockTimeoutNanos;
    private volatile Function<byte[], String> keyNames = key -> "key " + KeyHex.of(key);
    private final CommitPipeline pipeline;

    LightningDb(Path directory, LightningDbConfig config, VersionedStore store, WalRecovery.Outcome recovery, FileChannel lockChannel,
                        FileLock lock) {
        this.directory = directory;
        this.config = config;
        this.lockTimeoutNanos = config.lockTimeout().toNanos();
        this.store = store;
        this.recovery = recovery;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pipeline = new CommitPipeline(config, store, recovery == null ? null : recovery.writer(), locks,
                directory == null ? "(in memory)" : directory.toString());
    }

    /**
     * Opens (or creates, unless {@code createIfMissing} is off) the database in {@code directory}:
     * its data file {@value PagedStore#FILE_NAME} and a lock file. An existing database keeps the
     * page size it was created with, whatever {@code config} says.
     *
     * @throws LightningDbException CANNOT_OPEN when the directory is missing, locked, or holds no
     *         LightningDB data file; CORRUPTION when the data file is damaged beyond use
     */
    public static LightningDb open(Path directory, LightningDbConfig config) {
        return open(directory, config, FileIO.CHANNEL);
    }

    /** Internal: opens with the given file opener, through which every data-file byte passes (fault-injection tests). */
    static LightningDb open(Path directory, LightningDbConfig config, FileIO.Opener opener) {
        return DatabaseOpener.open(directory, config, opener);
    }

    /**
     * Salvages what it can from a damaged database that no longer opens: every intact leaf of its
     * data file plus the intact prefix of its WAL, written to a clean database beside it
     * ({@code <directory>-salvaged}) or, with {@code force}, in its place (the damaged files are
     * kept with a {@code .damaged} suffix). The database must not be open.
     */
    public static SalvageReport recover(Path directory, boolean force) {
        return Salvage.recover(directory, force);
    }

    public static LightningDb open(Path directory) {
        return open(directory, LightningDbConfig.defaults());
    }

    /** A database that lives in memory only and is gone when closed. */
    public static LightningDb inMemory(LightningDbConfig config) {
        if (config == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "config must not be null");
        }
        return DatabaseOpener.inMemory(config);
    }

    public static LightningDb inMemory() {
        return inMemory(LightningDbConfig.defaults());
    }

    public LightningDbConfig config() {
        return config;
    }

    /** The database directory, or null for an in-memory database. */
    public Path directory() {
        return directory;
    }

    public byte[] get(byte[] key) {
        ensureOpen();
        checkKey(key);
        return store.get(key);
    }

    /**
     * Writes one key as a transaction of its own. A blind write: it reads nothing, so it never
     * conflicts; it waits while a transaction holds the key's lock (up to {@code lockTimeout}).
     */
    public void put(byte[] key, byte[] value) {
        ensureOpen();
        checkKey(key);
        checkValue(value);
        WriteSet ws = new WriteSet();
        ws.put(key.clone(), value.clone());
        commitSingle(key, ws);
    }

    /** Deletes {@code key} as a transaction of its own (a blind write); deleting an absent key is not an error. */
    public void delete(byte[] key) {
        ensureOpen();
        checkKey(key);
        WriteSet ws = new WriteSet();
        ws.delete(key.clone());
        commitSingle(key, ws);
    }

    /**
     * Commits a single write under its key's lock, so that it never lands inside another
     * transaction's read-modify-write. The lock goes once the write is visible ({@link
     * CommitPipeline}); the release here only covers a commit that failed.
     */
    private void commitSingle(byte[] key, WriteSet ws) {
        LockOwner owner = singleWriters.get();
        locks.acquire(owner, locks.hash(key), LockMode.EXCLUSIVE, LockWait.WAIT, lockTimeoutNanos, key);
        try {
            pipeline.commitSingle(owner, ws);
        } finally {
            if (owner.heldCount() > 0) {
                locks.releaseFrom(owner, 0);
            }
        }
    }

    /**
     * An ascending walk over committed entries in {@code range}. The caller must close it.
     * The walk reads one snapshot, taken when it starts: commits made during it are not seen, and the
     * snapshot stays pinned until the cursor is closed.
     */
    public Cursor scan(KeyRange range) {
        return scan(range, false);
    }

    public Cursor scan(KeyRange range, boolean reverse) {
        ensureOpen();
        if (range == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "range must not be null");
        }
        return store.scan(range, reverse);
    }

    /** Starts a transaction at the configured default isolation. */
    public Transaction begin() {
        return begin(config.defaultIsolation(), false);
    }

    public Transaction begin(IsolationLevel isolation) {
        return begin(isolation, false);
    }

    /**
     * Starts a transaction.
     *
     * @throws LightningDbException {@link ErrorCode#TOO_MANY_TRANSACTIONS} past {@code maxActiveTransactions}
     */
    public Transaction begin(IsolationLevel isolation, boolean readOnly) {
        ensureOpen();
        if (isolation == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "isolation must not be null");
        }
        int n = activeTransactions.incrementAndGet();
        if (n > config.maxActiveTransactions()) {
            activeTransactions.decrementAndGet();
            throw new LightningDbException(ErrorCode.TOO_MANY_TRANSACTIONS, n - 1 + " transactions are open, the limit maxActiveTransactions is "
                    + config.maxActiveTransactions() + "; commit or roll back some first");
        }
        Transaction t;
        try {
            t = new Transaction(this, isolation, readOnly || config.readOnly(), transactionIds.incrementAndGet());
        } catch (RuntimeException e) {
            activeTransactions.decrementAndGet();
            throw e;
        }
        openTransactions.add(t);
        return t;
    }

    /**
     * Runs {@code work} in a transaction and commits it, retrying on {@link ConflictException} with
     * jittered exponential backoff up to {@code transactionRetryLimit} attempts ({@link Retries}).
     *
     * @throws ConflictException saying how many attempts were made, when every one conflicted
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        try {
            return Retries.onConflict(config, () -> {
                try (Transaction t = begin()) {
                    T result = work.run(t);
                    if (t.isOpen()) {
                        t.commit();
                    }
                    return result;
                }
            });
        } catch (ConflictException e) {
            throw new ConflictException("gave up after " + config.transactionRetryLimit() + " attempts: " + e.getMessage());
        }
    }

    /**
     * Makes everything committed so far durable in the data file: merges the write buffer into the
     * tree and checkpoints it. Commits and reads go on meanwhile.
     */
    public void checkpoint() {
        ensureOpen();
        store.checkpoint();
        pipeline.checkpointed();
    }

    /** Walks the whole database and reports every problem found. */
    public IntegrityReport verifyIntegrity() {
        ensureOpen();
        return store.verifyIntegrity();
    }

    public EngineStats stats() {
        Map<String, Long> m = new HashMap<>(store.stats());
        m.put("txn.active", (long) activeTransactions.get());
        pipeline.addStats(m);
        locks.addStats(m);
        long now = System.nanoTime();
        long oldest = 0;
        long orphaned = 0;
        for (Transaction t : openTransactions) {
            oldest = Math.max(oldest, now - t.startedNanos());
            if (!t.owner().isAlive()) {
                orphaned++;
            }
        }
        m.put("txn.oldestMillis", oldest / 1_000_000);
        m.put("txn.ownerThreadDead", orphaned);
        if (recovery != null) {
            m.put("recovery.records", recovery.records());
            m.put("recovery.bytes", recovery.bytes());
            m.put("recovery.millis", recovery.millis());
            m.put("recovery.cutBytes", recovery.cutBytes());
        }
        return new EngineStats(m);
    }

    public boolean isClosed() {
        return pipeline.isClosed();
    }

    /** Closes the database; open transactions can no longer be used. Closing twice does nothing. */
    @Override
    public void close() {
        if (pipeline.isClosed()) {
            return;
        }
        try {
            pipeline.close();
        } finally {
            releaseLock();
        }
    }

    private void releaseLock() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot release the lock of " + directory, e);
        }
    }

    // ---- used by Transaction ----

    VersionedStore store() {
        return store;
    }

    LockTable locks() {
        return locks;
    }

    /**
     * How lock errors name a key (the SQL layer names the table and row behind it). The function
     * must not fail; it is called only to build an error message.
     */
    public void describeKeysWith(Function<byte[], String> names) {
        keyNames = names == null ? key -> "key " + KeyHex.of(key) : names;
    }

    String describeKey(byte[] key) {
        try {
            return keyNames.apply(key);
        } catch (RuntimeException e) {
            return "key " + KeyHex.of(key);
        }
    }

    /** The commit path: {@link Transaction#commit()} goes through it. */
    CommitPipeline pipeline() {
        return pipeline;
    }

    void transactionEnded(Transaction t) {
        openTransactions.remove(t);
        activeTransactions.decrementAndGet();
    }

    void ensureOpen() {
        pipeline.ensureOpen();
    }

    void checkKey(byte[] key) {
        if (key == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "key must not be null");
        }
        if (key.length == 0) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "key must not be empty");
        }
        if (key.length > config.maxKeySize()) {
            throw new LightningDbException(ErrorCode.KEY_TOO_LARGE, "key of " + key.length + " bytes exceeds maxKeySize " + config.maxKeySize());
        }
        int fileLimit = store.tree().maxKeySize();
        if (key.length > fileLimit) {
            // A database keeps the page size it was created with, which may hold less than the configured maxKeySize.
            throw new LightningDbException(ErrorCode.KEY_TOO_LARGE, "key of " + key.length + " bytes does not fit this database's "
                    + fileLimit * 4 + "-byte pages (at most " + fileLimit + ")");
        }
    }

    void checkValue(byte[] value) {
        if (value == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "value must not be null (use delete)");
        }
        if (value.length > config.maxValueSize()) {
            throw new LightningDbException(ErrorCode.VALUE_TOO_LARGE, "value of " + value.length + " bytes exceeds maxValueSize " + config.maxValueSize());
        }
    }
}
