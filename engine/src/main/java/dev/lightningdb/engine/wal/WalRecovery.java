package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.ErrorCode;
import dev.lightningdb.engine.LightningDbConfig;
import dev.lightningdb.engine.LightningDbException;
import dev.lightningdb.engine.io.FileIO;
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
        WalReader.Result res = WalReader.scan(directory, opener, checkpointLsn, readOnly, r);
        WalWriter writer = readOnly ? null : WalWriter.open(directory, opener, res, checkpointLsn, config.walSegmentSize(),
                config.groupCommitMaxDelay(), config.walSyncMode(), config.walFlushInterval());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(writer, res.records(), res.bytes(), res.cutBytes(), millis, Math.max(res.lastLsn(), checkpointLsn));
    }
}
