package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;

/**
 * Keeps zero-filled space ahead of the writes in the current WAL segment. A force of a file that
 * grew must also make its new size durable (a file-system journal commit), which on this class of
 * disk halves the rate of forces; writing inside space that already exists needs only the data.
 * So the segment is extended by {@value #CHUNK} bytes of zeros at a time, and most forces find
 * the size unchanged. {@link WalReader} takes an all-zero remainder of the last segment for
 * unused space, not for a torn tail.
 *
 * <p>Appender state: used under the database's commit lock, like the writer's position.
 */
final class SegmentSpace {
    static final int CHUNK = 256 << 10;
    private static final byte[] ZEROS = new byte[64 << 10];

    /** Bytes the segment file holds (records and zeros after them). */
    private long end;

    SegmentSpace(long fileSize) {
        this.end = fileSize;
    }

    /** The space of an open segment whose records end at {@code position}. */
    static SegmentSpace of(FileIO io, long position) {
        try {
            return new SegmentSpace(Math.max(position, io.size()));
        } catch (IOException e) {
            return new SegmentSpace(position); // only the next extension is wrong: it writes zeros where zeros are
        }
    }

    /**
     * After a record was written up to {@code written}: zero-fills the segment a chunk beyond it
     * when the record reached the end of the space (never past {@code limit}, the segment size).
     */
    void extendAfter(FileIO io, long written, long limit) throws IOException {
        if (written < end) {
            return;
        }
        long target = Math.min(limit, written + CHUNK);
        for (long at = written; at < target; ) {
            int n = (int) Math.min(ZEROS.length, target - at);
            io.write(at, ZEROS, 0, n);
            at += n;
        }
        end = Math.max(written, target);
    }

    /** The file was cut to {@code size} (a failed write taken back). */
    void truncated(long size) {
        end = size;
    }

    /** A new, empty segment. */
    void reset() {
        end = 0;
    }

    /** Whether {@code b[from, to)} is all zeros: unused space, as this class leaves it. */
    static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
