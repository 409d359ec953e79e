package dev.lightningdb.engine;

import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.io.MemoryFileIO;
import dev.lightningdb.engine.store.Store;
import dev.lightningdb.engine.store.paged.PagedStore;
import dev.lightningdb.engine.store.WriteSet;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An open database: a directory on disk ({@link #open}) or a map in memory ({@link #inMemory}).
 * Thread-safe. Single operations ({@link #get}, {@link #put}, ...) are transactions of their own;
 * {@link #begin()} groups several.
 *
 * <p>Lock order: the commit lock is the only engine-wide lock, held only while a write set is
 * applied (single writer). Readers never take it.
 *
 * <p>Storage: a paged copy-on-write B+Tree (see {@code store.paged.PagedStore} and
 * {@code docs/storage.md}); in-memory databases run the same code over a memory file. Durability:
 * until the write-ahead log exists, a commit becomes durable at the next {@link #checkpoint()} or
 * {@link #close()}; a crash loses the commits since the last checkpoint, all of them together
 * (the database reopens at that checkpoint, never half-way).
 */
public final class LightningDb implements AutoCloseable {
    private static final String LOCK_FILE = "lightning.lock";

    private final Path directory;
    private final LightningDbConfig config;
    private final Store store;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final AtomicInteger activeTransactions = new AtomicInteger();
    private final LongAdder commits = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private volatile boolean closed;

    private LightningDb(Path directory, LightningDbConfig config, Store store, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.config = config;
        this.store = store;
        this.lockChannel = lockChannel;
        this.lock = lock;
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
        if (directory == null || config == null || opener == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "directory and config must not be null");
        }
        try {
            if (!Files.isDirectory(directory)) {
                if (Files.exists(directory)) {
                    throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + " exists and is not a directory");
                }
                if (!config.createIfMissing()) {
                    throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + " does not exist (createIfMissing is off)");
                }
                Files.createDirectories(directory);
            }
            FileChannel ch = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + " is already open in another process or LightningDb instance");
            }
            try {
                return new LightningDb(directory, config, openStore(directory, config, opener), ch, lock);
            } catch (RuntimeException e) {
                lock.release();
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.CANNOT_OPEN, "cannot open " + directory + ": " + e.getMessage(), e);
        }
    }

    private static Store openStore(Path directory, LightningDbConfig config, FileIO.Opener opener) throws IOException {
        Path file = directory.resolve(PagedStore.FILE_NAME);
        if (!Files.exists(file)) {
            if (config.readOnly()) {
                throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + " holds no database (" + PagedStore.FILE_NAME
                        + " is missing) and the database is to be opened read-only");
            }
            // Format under a temporary name and rename, so that a crash never leaves a half-made data file.
            Path tmp = directory.resolve(PagedStore.FILE_NAME + ".new");
            Files.deleteIfExists(tmp);
            try (FileIO io = opener.open(tmp, true, false)) {
                PagedStore.format(io, config.pageSize());
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(directory);
        }
        FileIO io = opener.open(file, false, config.readOnly());
        try {
            return PagedStore.open(io, config, true);
        } catch (RuntimeException e) {
            try {
                io.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Makes a rename in {@code directory} durable (fsync of the directory; not supported everywhere). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or force a directory; the rename is then as durable as the OS makes it.
        }
    }

    public static LightningDb open(Path directory) {
        return open(directory, LightningDbConfig.defaults());
    }

    /** A database that lives in memory only and is gone when closed. */
    public static LightningDb inMemory(LightningDbConfig config) {
        if (config == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "config must not be null");
        }
        MemoryFileIO io = new MemoryFileIO("mem:" + Integer.toHexString(System.identityHashCode(config)));
        PagedStore.format(io, config.pageSize());
        return new LightningDb(null, config, PagedStore.open(io, config, false), null, null);
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

    public void put(byte[] key, byte[] value) {
        try (Transaction t = begin()) {
            t.put(key, value);
            t.commit();
        }
    }

    /** Deletes {@code key}; deleting an absent key is not an error. */
    public void delete(byte[] key) {
        try (Transaction t = begin()) {
            t.delete(key);
            t.commit();
        }
    }

    /**
     * An ascending walk over committed entries in {@code range}. The caller must close it.
     * The walk is weakly consistent: it may observe commits that happen during it.
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
        return new Transaction(this, isolation, readOnly || config.readOnly());
    }

    /**
     * Runs {@code work} in a transaction and commits it, retrying on {@link ConflictException} with
     * exponential backoff and jitter up to {@code transactionRetryLimit} attempts.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        long backoffNanos = config.retryBackoffInitial().toNanos();
        int limit = config.transactionRetryLimit();
        for (int attempt = 1; ; attempt++) {
            try (Transaction t = begin()) {
                T result = work.run(t);
                if (t.isOpen()) {
                    t.commit();
                }
                return result;
            } catch (ConflictException e) {
                if (attempt >= limit) {
                    throw new ConflictException("gave up after " + attempt + " attempts: " + e.getMessage());
                }
                sleepNanos(ThreadLocalRandom.current().nextLong(backoffNanos + 1));
                backoffNanos = Math.min(config.retryBackoffMax().toNanos(), Math.max(1000, backoffNanos * 2));
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightningDbException(ErrorCode.INTERRUPTED, "interrupted while backing off before a retry", e);
        }
    }

    /** Makes everything committed so far durable in the data files. */
    public void checkpoint() {
        ensureOpen();
        commitLock.lock();
        try {
            store.checkpoint();
        } finally {
            commitLock.unlock();
        }
    }

    /** Walks the whole database and reports every problem found. */
    public IntegrityReport verifyIntegrity() {
        ensureOpen();
        return store.verifyIntegrity();
    }

    public EngineStats stats() {
        Map<String, Long> m = new HashMap<>(store.stats());
        m.put("txn.active", (long) activeTransactions.get());
        m.put("txn.commits", commits.sum());
        m.put("txn.conflicts", conflicts.sum());
        return new EngineStats(m);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the database; open transactions can no longer be used. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        commitLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            store.close();
        } finally {
            commitLock.unlock();
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

    Store store() {
        return store;
    }

    void commit(WriteSet writes) {
        if (config.readOnly()) {
            throw new LightningDbException(ErrorCode.READ_ONLY, "database is open read-only");
        }
        commitLock.lock();
        try {
            ensureOpen();
            store.apply(writes);
            commits.increment();
            if (config.strictMode()) {
                IntegrityReport report = store.verifyIntegrity();
                if (!report.isClean()) {
                    throw new CorruptionException("strict mode: integrity check failed after commit: " + report);
                }
            }
        } finally {
            commitLock.unlock();
        }
    }

    void transactionEnded() {
        activeTransactions.decrementAndGet();
    }

    void ensureOpen() {
        if (closed) {
            throw new LightningDbException(ErrorCode.CLOSED, "database " + (directory == null ? "(in memory)" : directory) + " is closed");
        }
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
