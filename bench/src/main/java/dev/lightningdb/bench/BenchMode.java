package dev.lightningdb.bench;

/**
 * Sizes and timings of a run. {@code quick} fits in under 10 minutes on 2 cores (one fork, one
 * short warm-up and one short measurement iteration per benchmark); {@code steady} is quick's data
 * with three one-second warm-up and three one-second measurement iterations, so that JIT
 * compilation and the first background merges or compactions are behind every system before it is
 * measured (about three times quick's time: meant for a few rows with {@code --only});
 * {@code full} is the real comparison (10M keys, 1M rows, several iterations).
 */
public enum BenchMode {
    QUICK(300_000, 100_000, 1, 700, 1, 1000, "2g", 2, 120),
    STEADY(300_000, 100_000, 3, 1000, 3, 1000, "2g", 2, 120),
    FULL(10_000_000, 1_000_000, 3, 5000, 5, 5000, "12g", 5, 1200);

    /** Keys in every key/value data set. */
    public final long keys;
    /** Rows in the JDBC {@code item} table. */
    public final long rows;
    public final int warmupIterations;
    public final int warmupMillis;
    public final int measurementIterations;
    public final int measurementMillis;
    /** {@code -Xmx} of every benchmark and fixture JVM. */
    public final String heap;
    public final int fsyncSeconds;
    /** Longest a single JMH iteration may take before JMH gives up on it. */
    public final int timeoutSeconds;

    BenchMode(long keys, long rows, int warmupIterations, int warmupMillis, int measurementIterations,
              int measurementMillis, String heap, int fsyncSeconds, int timeoutSeconds) {
        this.keys = keys;
        this.rows = rows;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.heap = heap;
        this.fsyncSeconds = fsyncSeconds;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Warm-up iterations for a row that needs at least {@code minWarmupMillis} of warm-up. */
    public int warmupIterations(long minWarmupMillis) {
        return (int) Math.max(warmupIterations, (minWarmupMillis + warmupMillis - 1) / warmupMillis);
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BenchMode parse(String s) {
        for (BenchMode m : values()) {
            if (m.id().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be quick, steady or full, got '" + s + "'");
    }
}
