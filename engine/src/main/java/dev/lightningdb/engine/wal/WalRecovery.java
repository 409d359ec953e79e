package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.store.WriteSet;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Recovery at open: replays the WAL after the checkpoint the store opened at ({@link WalReader}),
 * cuts the torn tail, and hands back a {@link WalWriter} that continues the log. A read-only open
 * cannot replay, so it refuses a log that holds commits after the checkpoint.
 */
public final class WalRecovery {
    private WalRecovery() {
    }

    /** Bytes of consecutive records merged into one apply during replay. */
    private static final long BATCH_BYTES = 16L << 20;

    /**
     * Merges consecutive records into one write set (a later write to a key replaces an earlier
     * one), so that replay rewrites each tree path once per batch instead of once per commit. The
     * result is the same: nothing is checkpointed until replay ends, and the batch carries the LSN
     * of its last record.
     */
    private static final class Batch {
        private final WalReader.Replay target;
        private WriteSet merged = new WriteSet();
        private long lastLsn;

        Batch(WalReader.Replay target) {
            this.target = target;
        }

        void add(long lsn, WriteSet writes) {
            merged.putAll(writes);
            lastLsn = lsn;
            if (merged.bytes() >= BATCH_BYTES) {
                flush();
            }
        }

        void flush() {
            if (!merged.isEmpty()) {
                target.apply(lastLsn, merged);
                merged = new WriteSet();
            }
        }
    }

    /** What recovery did; {@code writer} is null for a read-only database. */
    public record Outcome(WalWriter writer, long records, long bytes, long cutBytes, long millis, long lastLsn) {
    }

    public static Outcome run(Path directory, FileIO.Opener opener, LightningDbConfig config, long checkpointLsn, WalReader.Replay replay)
            throws IOException {
        long start = System.nanoTime();
        boolean readOnly = config.readOnly();
        WalReader.Replay r = readOnly ? (lsn, writes) -> {
            throw new LightningDbException(ErrorCode.CANNOT_OPEN, directory + ": the WAL holds commits after the last checkpoint (LSN "
                    + checkpointLsn + "); open the database read-write once to recover them");
        } : replay;
        Batch batch = new Batch(r);
        WalReader.Result res = WalReader.scan(directory, opener, checkpointLsn, readOnly, batch::add);
        batch.flush();
        Path archive = config.walArchiveDirectory().isEmpty() ? null : directory.resolve(config.walArchiveDirectory());
        WalWriter writer = readOnly ? null : WalWriter.open(directory, archive, opener, res, checkpointLsn, config.walSegmentSize(),
                config.groupCommitMaxDelay(), config.walSyncMode(), config.walFlushInterval());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(writer, res.records(), res.bytes(), res.cutBytes(), millis, Math.max(res.lastLsn(), checkpointLsn));
    }
}
