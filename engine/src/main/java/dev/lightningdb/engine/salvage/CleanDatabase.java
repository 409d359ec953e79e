package dev.lightningdb.engine.salvage;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.store.paged.PagedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database a salvage writes: a new data file in an empty directory, filled straight through the
 * paged store, with no write-ahead log (it is checkpointed when complete, so it needs none; a
 * later open starts a log). Salvage stands beside {@code LightningDb}, which calls it, so it does
 * not go through it.
 *
 * <p>Invariant: writes reach the tree in the order they are given, in batches of about {@value
 * #BATCH_BYTES} bytes in which a later write to a key replaces an earlier one, so the result is
 * what applying them one by one would give: the salvaged entries first, then the WAL's records on
 * top in LSN order.
 */
final class CleanDatabase implements AutoCloseable {
    private static final long BATCH_BYTES = 4L << 20;

    private final Path directory;
    private final PagedStore tree;
    private WriteSet batch = new WriteSet();

    private CleanDatabase(Path directory, PagedStore tree) {
        this.directory = directory;
        this.tree = tree;
    }

    /** Formats an empty database of {@code pageSize}-byte pages in {@code directory}, which must not exist yet. */
    static CleanDatabase create(Path directory, int pageSize) throws IOException {
        Files.createDirectories(directory);
        FileIO io = FileIO.CHANNEL.open(directory.resolve(PagedStore.FILE_NAME), true, false);
        try {
            PagedStore.format(io, pageSize);
            return new CleanDatabase(directory, PagedStore.open(io, LightningDbConfig.defaults(), true));
        } catch (RuntimeException e) {
            throw FileIO.closeAfter(io, e);
        }
    }

    void put(byte[] key, byte[] value) {
        batch.put(key, value);
        applyWhenFull();
    }

    /** Adds one WAL record's writes (puts and deletes) on top of everything added before. */
    void add(WriteSet writes) {
        batch.putAll(writes);
        applyWhenFull();
    }

    private void applyWhenFull() {
        if (batch.bytes() >= BATCH_BYTES) {
            applyBatch();
        }
    }

    private void applyBatch() {
        if (!batch.isEmpty()) {
            tree.apply(batch, 0);
            batch = new WriteSet();
        }
    }

    /**
     * Applies what is left, checkpoints and checks the result.
     *
     * @return the number of keys the database holds
     * @throws CorruptionException when the new database fails its integrity check
     */
    long finish() {
        applyBatch();
        tree.checkpoint();
        IntegrityReport report = tree.verifyIntegrity();
        if (!report.isClean()) {
            throw new CorruptionException("the salvaged database in " + directory + " fails its integrity check: " + report);
        }
        return tree.stats().get("store.entries");
    }

    /** Closes the data file (checkpointing it once more). */
    @Override
    public void close() {
        tree.close();
    }
}
