package dev.lightningdb.engine;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.Directories;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.io.MemoryFileIO;
import dev.lightningdb.engine.store.paged.PagedStore;
import dev.lightningdb.engine.txn.VersionedStore;
import dev.lightningdb.engine.wal.WalRecovery;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Brings a database up: takes the directory's lock file, creates or opens the data file, and
 * replays the WAL after the last checkpoint before anyone can read or write. Nothing is left open
 * when any step fails.
 */
final class DatabaseOpener {
    private static final String LOCK_FILE = "lightning.lock";

    private DatabaseOpener() {
    }

    /** Opens with the given file opener, through which every data-file byte passes (fault-injection tests use their own). */
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
                VersionedStore store = versioned(openStore(directory, config, opener), config, !config.readOnly(), directory.toString());
                WalRecovery.Outcome recovery;
                try {
                    recovery = WalRecovery.run(directory, opener, config, store.checkpointLsn(), (lsn, writes) -> {
                        store.awaitRoom();
                        store.commit(writes.entries(), lsn);
                    });
                } catch (IOException | RuntimeException e) {
                    try {
                        store.close();
                    } catch (RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
                if (recovery.records() > 0 || recovery.cutBytes() > 0) {
                    System.getLogger(LightningDb.class.getName()).log(System.Logger.Level.INFO, "{0}: recovery replayed {1} WAL records ({2} bytes) "
                            + "after checkpoint LSN {3} in {4} ms and cut {5} bytes of torn tail", directory, recovery.records(), recovery.bytes(),
                            store.checkpointLsn(), recovery.millis(), recovery.cutBytes());
                }
                return new LightningDb(directory, config, store, recovery, ch, lock);
            } catch (RuntimeException e) {
                lock.release();
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.CANNOT_OPEN, "cannot open " + directory + ": " + e.getMessage(), e);
        }
    }

    private static VersionedStore versioned(PagedStore tree, LightningDbConfig config, boolean durable, String name) {
        return new VersionedStore(tree, durable, Math.min(config.writeBufferSize(), config.checkpointWalSize()), config.checkpointWalSize(),
                durable ? config.checkpointInterval() : java.time.Duration.ZERO, config.backgroundNice(), name);
    }

    private static PagedStore openStore(Path directory, LightningDbConfig config, FileIO.Opener opener) throws IOException {
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
            Directories.force(directory);
        }
        FileIO io = opener.open(file, false, config.readOnly());
        try {
            return PagedStore.open(io, config, true);
        } catch (RuntimeException e) {
            throw FileIO.closeAfter(io, e);
        }
    }

    /** A database over a memory file: the same store code, no log and no lock file. */
    static LightningDb inMemory(LightningDbConfig config) {
        MemoryFileIO io = new MemoryFileIO("mem:" + Integer.toHexString(System.identityHashCode(config)));
        PagedStore.format(io, config.pageSize());
        return new LightningDb(null, config, versioned(PagedStore.open(io, config, false), config, false, io.name()), null, null, null);
    }
}
