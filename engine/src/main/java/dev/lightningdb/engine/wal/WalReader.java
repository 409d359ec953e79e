package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.io.Directories;
import dev.lightningdb.engine.io.FileIO;
import dev.lightningdb.engine.store.WriteSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the WAL at open: every segment in LSN order, every record in it (format: {@link
 * WalRecord}), handing those after the checkpoint to a consumer, and cuts the tail at the first
 * record that is torn, fails its CRC32C, or does not carry the next LSN. Zeros after the last
 * record of a segment are space the writer set aside ({@link SegmentSpace}): kept, not cut.
 *
 * <p>Invariants it relies on (kept by {@link WalWriter}): records are consecutive, one LSN after
 * another, across segments; a segment is forced before the next one is created; segments are
 * deleted only when all their records are covered by a durable checkpoint. Therefore everything
 * after the first bad record was never acknowledged under {@code SYNC} and is cut off (the segment
 * is truncated there and later segments are deleted); a gap between the checkpoint and the first
 * record is corruption.
 */
public final class WalReader {
    private WalReader() {
    }

    /** Receives each record after the checkpoint, in LSN order. */
    @FunctionalInterface
    public interface Replay {
        void apply(long lsn, WriteSet writes);
    }

    /**
     * What the scan found. {@code tail} is the segment new records go to (null when there is none),
     * {@code tailEnd} the offset after its last valid record, {@code lastLsn} the last valid LSN in the
     * log (which may be below the checkpoint's when unforced records the checkpoint covers were lost).
     */
    record Result(WalFiles.Segment tail, long tailEnd, long lastLsn, long records, long bytes, long cutBytes) {
    }

    static Result scan(Path directory, FileIO.Opener opener, long checkpointLsn, boolean readOnly, Replay replay) throws IOException {
        List<WalFiles.Segment> segments = WalFiles.list(directory);
        long expected = -1; // next LSN expected; -1 before the first record
        long records = 0;
        long bytes = 0;
        for (int i = 0; i < segments.size(); i++) {
            WalFiles.Segment seg = segments.get(i);
            if (expected >= 0 && seg.firstLsn() != expected) {
                // A segment that does not continue the previous one: the tail is cut before it.
                return cut(segments, i - 1, -1, expected - 1, records, bytes, readOnly, opener);
            }
            if (expected < 0) {
                if (seg.firstLsn() > checkpointLsn + 1) {
                    throw new CorruptionException("WAL segment " + seg.path() + " starts at LSN " + seg.firstLsn() + " but the checkpoint covers only up to "
                            + checkpointLsn + ": the records between them are missing");
                }
                expected = seg.firstLsn();
            }
            try (FileIO io = opener.open(seg.path(), false, true)) {
                long size = io.size();
                long pos = 0;
                byte[] header = new byte[WalRecord.HEADER];
                while (true) {
                    if (pos + WalRecord.HEADER > size || io.read(pos, header, 0, header.length) < header.length) {
                        break;
                    }
                    long lsn = WalRecord.getLong(header, 0);
                    int length = WalRecord.getInt(header, 8);
                    if (lsn != expected || length < 4 || pos + WalRecord.HEADER + length > size) {
                        break;
                    }
                    byte[] rec = new byte[WalRecord.HEADER + length];
                    if (io.read(pos, rec, 0, rec.length) < rec.length || WalRecord.crc(rec, 0, rec.length) != WalRecord.getInt(rec, 12)) {
                        break;
                    }
                    if (lsn > checkpointLsn) {
                        WriteSet ws;
                        try {
                            ws = WalRecord.decodePayload(rec, WalRecord.HEADER, length);
                        } catch (IllegalArgumentException e) {
                            throw new CorruptionException("WAL record " + lsn + " in " + seg.path() + " at offset " + pos
                                    + " passes its checksum but does not parse: " + e.getMessage());
                        }
                        replay.apply(lsn, ws);
                        records++;
                        bytes += rec.length;
                    }
                    expected++;
                    pos += rec.length;
                }
                if (pos < size && !zeroFrom(io, pos, size)) { // zeros: set-aside space, in the last segment or one rolled past
                    return cut(segments, i, pos, expected - 1, records, bytes, readOnly, opener);
                }
                if (i == segments.size() - 1) {
                    return new Result(seg, pos, expected - 1, records, bytes, 0);
                }
            }
        }
        return new Result(null, 0, checkpointLsn, records, bytes, 0);
    }

    /** Whether the segment holds only zeros from {@code pos} on: space the writer set aside ({@link SegmentSpace}), not a torn tail. */
    private static boolean zeroFrom(FileIO io, long pos, long size) throws IOException {
        byte[] buf = new byte[64 << 10];
        for (long at = pos; at < size; ) {
            int n = (int) Math.min(buf.length, size - at);
            if (io.read(at, buf, 0, n) < n || !SegmentSpace.allZero(buf, 0, n)) {
                return false;
            }
            at += n;
        }
        return true;
    }

    /**
     * Salvage: hands every record of the log's intact prefix with an LSN above {@code after} to
     * {@code replay}, in order, changing no file, and returns how many it handed over. When the
     * log starts later than {@code after + 1} (records missing), it starts at the first segment
     * anyway. A record that passes its checksum but does not parse ends the prefix like a torn one.
     */
    public static long readIntactPrefix(Path directory, long after, Replay replay) throws IOException {
        List<WalFiles.Segment> segments = WalFiles.list(directory);
        if (segments.isEmpty()) {
            return 0;
        }
        long from = Math.max(after, segments.get(0).firstLsn() - 1);
        long[] count = new long[1];
        try {
            scan(directory, FileIO.CHANNEL, from, true, (lsn, writes) -> {
                replay.apply(lsn, writes);
                count[0]++;
            });
        } catch (CorruptionException e) {
            // the prefix ends at the record that does not parse
        }
        return count[0];
    }

    /** Truncates segment {@code keep} at {@code end} (-1: keep it whole) and deletes every later segment. */
    private static Result cut(List<WalFiles.Segment> segments, int keep, long end, long lastLsn, long records, long bytes, boolean readOnly,
                              FileIO.Opener opener) throws IOException {
        long cutBytes = 0;
        WalFiles.Segment tail = segments.get(keep);
        long tailEnd;
        try (FileIO io = opener.open(tail.path(), false, readOnly)) {
            long size = io.size();
            tailEnd = end < 0 ? size : end;
            cutBytes += size - tailEnd;
            if (!readOnly && tailEnd < size) {
                io.truncate(tailEnd);
                io.force();
            }
        }
        for (int j = keep + 1; j < segments.size(); j++) {
            cutBytes += Files.size(segments.get(j).path());
            if (!readOnly) {
                Files.delete(segments.get(j).path());
            }
        }
        if (!readOnly && keep + 1 < segments.size()) {
            Directories.force(tail.path().getParent());
        }
        return new Result(tail, tailEnd, lastLsn, records, bytes, cutBytes);
    }
}
