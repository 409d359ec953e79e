package dev.lightningdb.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The machine's raw fsync rate: append a 4 KiB block to a file and force it, as a WAL commit does,
 * as often as possible for a few seconds on one thread. A single committer cannot beat this rate;
 * group commit can, by sharing one force among several commits.
 */
public final class FsyncProbe {
    public static final int BLOCK = 4096;

    /** Forces per second, and the median time of one write + force. */
    public record Rate(double perSecond, double p50Nanos, long count) {
    }

    private FsyncProbe() {
    }

    public static Rate measure(Path dir, int seconds) throws IOException {
        Path file = dir.resolve("fsync-probe");
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        long[] times = new long[1 << 20];
        int n = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long now = start;
            while (now < end && n < times.length) {
                block.clear();
                ch.write(block, (long) n * BLOCK);
                ch.force(false);
                long t = System.nanoTime();
                times[n++] = t - now;
                now = t;
            }
            double elapsed = now - start;
            long[] sorted = Arrays.copyOf(times, n);
            Arrays.sort(sorted);
            return new Rate(n * 1e9 / elapsed, n == 0 ? 0 : sorted[n / 2], n);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
