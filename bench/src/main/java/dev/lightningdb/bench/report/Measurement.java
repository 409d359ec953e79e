package dev.lightningdb.bench.report;

/**
 * What one benchmark run measured: throughput of all threads together, and per-operation latency
 * percentiles over the sampled operations of the measurement iterations.
 */
public record Measurement(double opsPerSec, double p50Nanos, double p99Nanos, long samples) {
    /** From JMH sample-time statistics: mean time per operation of each thread, and thread count. */
    public static Measurement fromSampleTime(double meanNanos, double p50Nanos, double p99Nanos, long samples, int threads) {
        return new Measurement(threads * 1e9 / meanNanos, p50Nanos, p99Nanos, samples);
    }
}
