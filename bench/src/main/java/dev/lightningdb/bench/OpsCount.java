package dev.lightningdb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Counts, per benchmark thread, the operations completed in each measurement iteration and how
 * long the iteration ran, and hands them to the runner in a file ({@link BenchProps#OPS}), so that
 * a row's ops/s is counted rather than derived from JMH's sampled latencies. (One time in 2^k
 * JMH times an operation; the mean of those samples is an unbiased but very noisy estimate
 * when a few operations take a thousand times the median, as a put does that waits for a merge:
 * whether one such wait is sampled or not moved a row by 2x between runs.)
 *
 * <p>Each benchmark method takes this state and calls {@link #add} once per operation; the count is
 * a plain field of the thread's own state, so counting costs no shared write.
 */
@State(Scope.Thread)
public class OpsCount {
    private long ops;
    private long start;
    private int iteration = -1;
    private boolean measuring;

    /** Records {@code n} completed operations of this thread. */
    public void add(long n) {
        ops += n;
    }

    @Setup(Level.Iteration)
    public void begin(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        if (measuring) {
            iteration++;
        }
        ops = 0;
        start = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void end() {
        long nanos = System.nanoTime() - start;
        String file = System.getProperty(BenchProps.OPS);
        if (measuring && file != null) {
            record(Path.of(file), iteration, ops, nanos);
        }
    }

    /** Appends one thread's count for a measurement iteration to {@code file}, as {@link #opsPerSecond} reads it. */
    public static void record(Path file, int iteration, long ops, long nanos) {
        append(file, iteration + " " + ops + " " + nanos + "\n");
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Operations per second of all threads together: per measurement iteration the sum over threads
     * of each thread's operations divided by its own measured time, averaged over the iterations;
     * NaN when the file holds none.
     */
    public static double opsPerSecond(Path file) {
        try {
            if (!Files.exists(file)) {
                return Double.NaN;
            }
            Map<Integer, Double> perIteration = new TreeMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split(" ");
                long nanos = Long.parseLong(f[2]);
                if (nanos > 0) {
                    perIteration.merge(Integer.parseInt(f[0]), Long.parseLong(f[1]) * 1e9 / nanos, Double::sum);
                }
            }
            return perIteration.isEmpty() ? Double.NaN
                    : perIteration.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
