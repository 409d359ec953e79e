package dev.lightningdb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, inside a benchmark JVM, the commits of a measurement iteration and the bytes the process
 * wrote to storage meanwhile, and hands both to the runner in a file ({@link BenchProps#PROBE}).
 * A commit that is durable has put at least its own data on disk, so bytes per commit far below the
 * data size mean that commits are not really durable ({@link DurabilityCheck}).
 */
public final class WriteProbe {
    private final LongAdder commits = new LongAdder();
    private long bytesAtStart = -1;

    /** Call from the benchmark method, once per commit. */
    public void commit() {
        commits.increment();
    }

    /** Call at the start of a measurement iteration. */
    public void start() {
        commits.reset();
        bytesAtStart = ProcessStats.writeBytes();
    }

    /** Call at the end of a measurement iteration: appends {@code commits bytes} to the probe file. */
    public void finish() {
        String file = System.getProperty(BenchProps.PROBE);
        long now = ProcessStats.writeBytes();
        if (file == null || bytesAtStart < 0 || now < 0) {
            return;
        }
        try {
            Files.writeString(Path.of(file), commits.sum() + " " + (now - bytesAtStart) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes written per commit over all iterations recorded in {@code file}; NaN if none. */
    public static double bytesPerCommit(Path file) {
        try {
            if (!Files.exists(file)) {
                return Double.NaN;
            }
            long commits = 0;
            long bytes = 0;
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split(" ");
                commits += Long.parseLong(f[0]);
                bytes += Long.parseLong(f[1]);
            }
            return commits == 0 ? Double.NaN : (double) bytes / commits;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
