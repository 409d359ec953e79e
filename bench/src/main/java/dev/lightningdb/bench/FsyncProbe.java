package dev.lightningdb.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The machine's raw fsync rate, on one thread for a few seconds: write a 4 KiB block and force it
 * ({@code fdatasync}), as a WAL commit does. Two shapes, because they differ by up to 10x:
 * <ul>
 *   <li><b>preallocated</b>: blocks overwrite a file written and forced beforehand, so the force
 *       carries no metadata. This is what a WAL with preallocated segments (RocksDB, LightningDB)
 *       gets, and the physical limit of a committer that waits for its own fsync;</li>
 *   <li><b>appending</b>: each block grows the file, so each force also commits the file size
 *       to the file system journal.</li>
 * </ul>
 * Group commit beats both by sharing one force among several commits.
 */
public final class FsyncProbe {
    public static final int BLOCK = 4096;
    private static final int PREALLOCATED_BLOCKS = 4096; // 16 MiB, reused round-robin

    /** Forces per second and the median time of one write + force, for both shapes. */
    public record Rate(double preallocatedPerSecond, double preallocatedP50Nanos, double appendPerSecond, double appendP50Nanos) {
    }

    private FsyncProbe() {
    }

    public static Rate measure(Path dir, int seconds) throws IOException {
        double[] pre = run(dir.resolve("fsync-probe-preallocated"), seconds / 2.0, true);
        double[] app = run(dir.resolve("fsync-probe-append"), seconds / 2.0, false);
        return new Rate(pre[0], pre[1], app[0], app[1]);
    }

    private static double[] run(Path file, double seconds, boolean preallocate) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        long[] times = new long[1 << 20];
        int n = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (preallocate) {
                for (int i = 0; i < PREALLOCATED_BLOCKS; i++) {
                    block.clear();
                    ch.write(block, (long) i * BLOCK);
                }
                ch.force(true);
            }
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long now = start;
            while (now < end && n < times.length) {
                block.clear();
                long block0 = preallocate ? n % PREALLOCATED_BLOCKS : n;
                ch.write(block, block0 * BLOCK);
                ch.force(false);
                long t = System.nanoTime();
                times[n++] = t - now;
                now = t;
            }
            long[] sorted = Arrays.copyOf(times, n);
            Arrays.sort(sorted);
            return new double[] {n * 1e9 / (now - start), n == 0 ? 0 : sorted[n / 2]};
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
