package dev.lightningdb.bench;

import dev.lightningdb.bench.report.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs one JMH benchmark (one method, one system, one thread count) in a forked JVM and reads its
 * sample-time statistics. JMH's own output goes to a log file; when the benchmark throws, the
 * exception line from that log becomes the reason shown in the table.
 */
public final class JmhRun {
    /**
     * Either a measurement or the reason there is none; a measured benchmark may add notes for its
     * row and a correctness failure ({@code wrong}, null if none) found after measuring, which
     * {@link CheckFile} carries out of the forked JVM.
     */
    public record Outcome(Measurement measurement, String failure, List<String> notes, String wrong) {
        public Outcome(Measurement measurement, String failure) {
            this(measurement, failure, List.of(), null);
        }
    }

    private JmhRun() {
    }

    /**
     * Runs {@code benchClass.method} with JMH parameter {@code system} and the further JMH
     * parameters {@code params} (e.g. a workload's hot-row count).
     */
    public static Outcome run(Class<?> benchClass, String method, String system, Map<String, String> params, int threads,
                              BenchMode mode, long minWarmupMillis, List<String> jvmFlags, Map<String, String> props, Path log) {
        Path probe = Path.of(log + ".probe");
        Path check = Path.of(log + ".check");
        Path ops = Path.of(log + ".ops");
        Path writerOps = Path.of(log + ".writer");
        List<String> args = new ArrayList<>(jvmFlags);
        args.add("-D" + BenchProps.PROBE + "=" + probe);
        args.add("-D" + BenchProps.OPS + "=" + ops);
        args.add("-D" + BenchProps.WRITER_OPS + "=" + writerOps);
        args.add("-D" + BenchProps.CHECK + "=" + check);
        props.forEach((k, v) -> args.add("-D" + k + "=" + v));
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(benchClass.getName() + "." + method) + "$")
                .param("system", system)
                .threads(threads)
                .forks(1)
                .warmupIterations(mode.warmupIterations(minWarmupMillis))
                .warmupTime(TimeValue.milliseconds(mode.warmupMillis))
                .measurementIterations(mode.measurementIterations)
                .measurementTime(TimeValue.milliseconds(mode.measurementMillis))
                .timeout(TimeValue.seconds(mode.timeoutSeconds))
                // With synchronized iterations, threads that are done keep running until the last
                // one is: a writer starved by SQLite's sleeping busy handler then never gets the
                // lock, and one 1 s iteration took 30 s. Unsynchronized, the others stop and it
                // finishes. The cost is a little ramp-up/ramp-down inside each iteration.
                .syncIterations(false)
                .jvmArgs(args.toArray(String[]::new))
                .shouldFailOnError(true)
                .output(log.toString());
        params.forEach(o::param);
        try {
            RunResult r = new Runner(o.build()).runSingle();
            Statistics s = r.getPrimaryResult().getStatistics();
            double scale = nanosPerUnit(r.getPrimaryResult().getScoreUnit());
            return new Outcome(Measurement.fromSampleTime(s.getMean() * scale, s.getPercentile(50) * scale,
                    s.getPercentile(99) * scale, s.getN(), threads).withBytesPerCommit(WriteProbe.bytesPerCommit(probe))
                    .withCountedOpsPerSec(OpsCount.opsPerSecond(ops)).withWriterPutsPerSec(OpsCount.opsPerSecond(writerOps))
                    .withTail(s.getPercentile(99.9) * scale, s.getMax() * scale), null, CheckFile.notes(check), CheckFile.wrong(check));
        } catch (RunnerException | RuntimeException e) {
            return new Outcome(null, reasonFromLog(log, e));
        }
    }

    private static double nanosPerUnit(String unit) {
        if (unit.startsWith("ns/")) {
            return 1;
        }
        if (unit.startsWith("us/")) {
            return 1e3;
        }
        if (unit.startsWith("ms/")) {
            return 1e6;
        }
        if (unit.startsWith("s/")) {
            return 1e9;
        }
        throw new IllegalStateException("unexpected JMH score unit " + unit);
    }

    /** The first exception line JMH logged for the failed benchmark, else the runner's message. */
    static String reasonFromLog(Path log, Exception e) {
        try {
            for (String line : Files.readAllLines(log)) {
                String l = line.trim();
                if (l.matches("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error)(: .*)?$")) {
                    return l.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+", "");
                }
            }
        } catch (IOException ignored) {
            // fall through to the runner's message
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
