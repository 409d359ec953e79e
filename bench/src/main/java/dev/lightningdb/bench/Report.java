package dev.lightningdb.bench;

import dev.lightningdb.bench.kv.KvWorkload;
import dev.lightningdb.bench.report.FootprintRow;
import dev.lightningdb.bench.report.ResultTable;
import dev.lightningdb.bench.report.Row;
import dev.lightningdb.bench.report.Units;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The Markdown report of one run: what ran where, then the three tables. */
final class Report {
    private Report() {
    }

    static String render(BenchMode mode, FsyncProbe.Rate fsync, FsyncProbe.Rate fsyncAtEnd, List<Row> kv, List<Row> jdbc, List<FootprintRow> footprints,
                         long wallNanos, double loadAtStart, double loadAtEnd) {
        StringBuilder sb = new StringBuilder();
        sb.append("# LightningDB benchmarks: ").append(mode.id()).append(" run\n\n");
        sb.append("- Command: `bench/run.sh ").append(mode.id()).append("` (one row: `bench/run.sh ").append(mode.id())
                .append(" --only 'kv/getHot/lightning'`); finished ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(String.format(Locale.ROOT,
                        "; benchmark wall time %.1f min (plus the Maven build)%n", wallNanos / 60e9));
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
                .append(System.getProperty("java.runtime.version")).append(", every JVM with -Xmx").append(mode.heap).append('\n');
        sb.append(String.format(Locale.ROOT, "- Machine load (1-minute load average): %.1f at the start (just after the build), "
                + "%.1f at the end. This run alone keeps it near 1 to 2; more means that other processes competed for the cores "
                + "and the disk, and every row carries that noise.%n", loadAtStart, loadAtEnd));
        sb.append(String.format(Locale.ROOT, "- **fsync rate of this machine, measured in this run: %.0f/s at the start, "
                        + "%.0f/s at the end** (4 KiB write + fdatasync into a preallocated file, one thread; median %s and %s). "
                        + "Appending (the file grows, so each force also journals its size): %.0f/s and %.0f/s. A committer that "
                        + "waits for its own fsync cannot beat the first number; group commit can, by sharing one fsync among "
                        + "several commits. Where start and end differ, so did the disk during the run.%n",
                fsync.preallocatedPerSecond(), fsyncAtEnd.preallocatedPerSecond(), Units.nanos(fsync.preallocatedP50Nanos()),
                Units.nanos(fsyncAtEnd.preallocatedP50Nanos()), fsync.appendPerSecond(), fsyncAtEnd.appendPerSecond()));
        sb.append(String.format(Locale.ROOT, "- Data: key/value %,d keys (16-byte keys, 100-byte values); JDBC %,d rows. "
                        + "JMH sample time, 1 fork, %d x %.1f s warm-up, %d x %.1f s measurement per row; the two hot-read rows "
                        + "warm up for at least %d iterations (beside a writer, the JIT compiler gets only what three busy threads "
                        + "leave of two cores).%n",
                mode.keys, mode.rows, mode.warmupIterations, mode.warmupMillis / 1e3, mode.measurementIterations,
                mode.measurementMillis / 1e3, mode.warmupIterations(KvWorkload.GET_HOT_WITH_WRITER.minWarmupMillis())));
        sb.append("- ops/s is the throughput of all threads together, counted: the operations each thread completed in the "
                + "measured iterations over its measured time, summed over threads (not derived from the sampled latencies, whose "
                + "mean swings with whether a rare long wait was sampled); p50/p99 are per-operation latencies that JMH sampled. "
                + "**LightningDB ÷ this** is LightningDB's ops/s divided by that row's: above 1 LightningDB is faster. "
                + "Settings say how durable each system's commits are; compare like with like. In the contended-increment rows "
                + "an operation is a committed transaction: failed ones (rolled back, not retried) are counted in the Note, their "
                + "latencies are among the sampled ones, and SUM(n) is checked against the successful commits.\n\n");
        sb.append("## Key/value API\n\n").append(ResultTable.render(kv)).append('\n');
        sb.append("## JDBC (java.sql only, same SQL on every driver)\n\n").append(ResultTable.render(jdbc)).append('\n');
        sb.append("## Memory and disk (loading the data set, each system in its own JVM)\n\n")
                .append(FootprintRow.render(footprints)).append('\n');
        sb.append("Write amp = bytes the process wrote to storage (`write_bytes` of `/proc/self/io`) per logical byte loaded "
                + "(key/value: 116 B per key; JDBC: 152 B per row). Peak heap is sampled every 5 ms; peak RSS is `VmHWM`.\n");
        return sb.toString();
    }
}
