package dev.lightningdb.bench.report;

/**
 * What one benchmark run measured: throughput of all threads together, and per-operation latency
 * percentiles over the sampled operations of the measurement iterations (p99.9 and max are shown
 * only where a row's note asks for them); for commit-bound workloads the bytes the process wrote to
 * storage per commit; for reads beside a writer, the writer's puts per second meanwhile (NaN where
 * not measured).
 */
public record Measurement(double opsPerSec, double p50Nanos, double p99Nanos, long samples, double bytesPerCommit,
                          double writerPutsPerSec, double p999Nanos, double maxNanos) {
    public Measurement(double opsPerSec, double p50Nanos, double p99Nanos, long samples, double bytesPerCommit,
                       double writerPutsPerSec) {
        this(opsPerSec, p50Nanos, p99Nanos, samples, bytesPerCommit, writerPutsPerSec, Double.NaN, Double.NaN);
    }

    public Measurement(double opsPerSec, double p50Nanos, double p99Nanos, long samples, double bytesPerCommit) {
        this(opsPerSec, p50Nanos, p99Nanos, samples, bytesPerCommit, Double.NaN);
    }

    public Measurement(double opsPerSec, double p50Nanos, double p99Nanos, long samples) {
        this(opsPerSec, p50Nanos, p99Nanos, samples, Double.NaN);
    }

    /** From JMH sample-time statistics: mean time per operation of each thread, and thread count. */
    public static Measurement fromSampleTime(double meanNanos, double p50Nanos, double p99Nanos, long samples, int threads) {
        return new Measurement(threads * 1e9 / meanNanos, p50Nanos, p99Nanos, samples);
    }

    /** This measurement with the throughput counted by {@code OpsCount} (NaN: keep the one derived from the mean). */
    public Measurement withCountedOpsPerSec(double counted) {
        return Double.isNaN(counted) ? this
                : new Measurement(counted, p50Nanos, p99Nanos, samples, bytesPerCommit, writerPutsPerSec, p999Nanos, maxNanos);
    }

    /** This measurement with the bytes written to storage per commit (NaN: not measured). */
    public Measurement withBytesPerCommit(double bytes) {
        return new Measurement(opsPerSec, p50Nanos, p99Nanos, samples, bytes, writerPutsPerSec, p999Nanos, maxNanos);
    }

    /** This measurement with the competing writer's puts per second (NaN: not measured). */
    public Measurement withWriterPutsPerSec(double puts) {
        return new Measurement(opsPerSec, p50Nanos, p99Nanos, samples, bytesPerCommit, puts, p999Nanos, maxNanos);
    }

    /** This measurement with the sampled p99.9 and maximum latency. */
    public Measurement withTail(double p999, double max) {
        return new Measurement(opsPerSec, p50Nanos, p99Nanos, samples, bytesPerCommit, writerPutsPerSec, p999, max);
    }
}
