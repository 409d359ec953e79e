package dev.lightningdb.bench;

import dev.lightningdb.bench.jdbc.JdbcSystem;
import dev.lightningdb.bench.jdbc.JdbcSystems;
import dev.lightningdb.bench.jdbc.JdbcWorkload;
import dev.lightningdb.bench.kv.KvBench;
import dev.lightningdb.bench.kv.KvSystem;
import dev.lightningdb.bench.kv.KvSystems;
import dev.lightningdb.bench.kv.KvWorkload;
import dev.lightningdb.bench.report.FootprintRow;
import dev.lightningdb.bench.report.Row;
import dev.lightningdb.bench.report.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The benchmark runner: {@code BenchMain quick|steady|full <results dir> [--only <regex>]}, started by
 * {@code bench/run.sh}. It measures the machine's fsync rate, prepares each system's database in a
 * JVM of its own ({@link FixtureMain}), runs every workload on every system through JMH (one fork
 * each), prints the result tables and writes them to {@code <results dir>/latest-<mode>.md}.
 * A system that fails a workload gets a row saying why; the run goes on.
 *
 * <p>{@code --only} keeps the benchmarks whose {@code family/workload/system} matches (for
 * working on one row); the report of such a run is written as {@code partial-<mode>.md}.
 */
public final class BenchMain {
    private final BenchMode mode;
    private final Path tmp;
    private final Pattern only;
    private final List<String> flags;
    private final List<Row> kvRows = new ArrayList<>();
    private final List<Row> jdbcRows = new ArrayList<>();
    private final List<FootprintRow> footprints = new ArrayList<>();
    private final Map<String, Path> fixtures = new HashMap<>();
    private final Map<String, String> fixtureFailures = new HashMap<>();
    private int done;
    private int total;

    private BenchMain(BenchMode mode, Path tmp, Pattern only) {
        this.mode = mode;
        this.tmp = tmp;
        this.only = only;
        this.flags = ChildJvm.flags(mode, tmp);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--only"))) {
            System.err.println("usage: BenchMain quick|steady|full <results dir> [--only <regex over family/workload/system>]");
            System.exit(64);
        }
        BenchMode mode = BenchMode.parse(args[0]);
        Path out = Path.of(args[1]);
        Pattern only = args.length >= 4 && args[2].equals("--only") ? Pattern.compile(args[3]) : null;
        Path tmp = Files.createTempDirectory("lightning-bench-");
        Files.createDirectories(tmp.resolve("jvm-tmp"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Dirs.delete(tmp)));
        long t0 = System.nanoTime();
        BenchMain main = new BenchMain(mode, tmp, only);
        double loadAtStart = ProcessStats.loadAverage();
        Dirs.syncAll(); // the build just wrote jars: do not measure their write-back
        FsyncProbe.Rate fsync = FsyncProbe.measure(tmp, mode.fsyncSeconds);
        System.out.printf("fsync rate: %.0f/s preallocated, %.0f/s appending (4 KiB write + force)%n",
                fsync.preallocatedPerSecond(), fsync.appendPerSecond());
        main.prepareFixtures();
        Dirs.syncAll();
        main.runKv();
        main.runJdbc();
        Dirs.syncAll();
        FsyncProbe.Rate fsyncAtEnd = FsyncProbe.measure(tmp, mode.fsyncSeconds);
        long wallNanos = System.nanoTime() - t0;
        double fastestFsync = Math.max(fsync.preallocatedPerSecond(), fsyncAtEnd.preallocatedPerSecond());
        String report = Report.render(mode, fsync, fsyncAtEnd, DurabilityCheck.apply(main.kvRows, fastestFsync),
                DurabilityCheck.apply(main.jdbcRows, fastestFsync), main.footprints, wallNanos,
                loadAtStart, ProcessStats.loadAverage());
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out);
        Path file = out.resolve((only == null ? "latest-" : "partial-") + mode.id() + ".md");
        Files.writeString(file, report);
        System.out.println("written to " + file);
        System.exit(0);
    }

    private boolean selected(String family, String workload, String system) {
        return only == null || only.matcher(family + "/" + workload + "/" + system).find();
    }

    // ---- fixtures: one prepared database per system, loaded in a JVM of its own ----

    private void prepareFixtures() throws IOException, InterruptedException {
        for (KvSystem s : KvSystems.all()) {
            boolean needed = false;
            for (KvWorkload w : KvWorkload.values()) {
                needed |= s.runs(w) && selected("kv", w.method(), s.id());
            }
            if (needed) {
                fixture("kv", s.id(), s.displayName(), mode.keys, String.format("%,d keys", mode.keys), s.note(KvWorkload.RANDOM_PUT));
            }
        }
        for (JdbcSystem s : JdbcSystems.all()) {
            boolean needed = false;
            for (JdbcWorkload w : JdbcWorkload.values()) {
                // the contended increments create their own table in a fresh database
                needed |= !w.contended() && !w.foreignKeys() && (selected("jdbc", w.method(), s.id()) || selected("jdbc", w.method(), s.id() + "-sync"));
            }
            if (!s.synchronousVariant() && needed) {
                fixture("jdbc", s.id(), s.displayName(), mode.rows, String.format("%,d rows", mode.rows), s.note());
            }
        }
    }

    private void fixture(String family, String id, String name, long n, String dataSet, String note) throws IOException, InterruptedException {
        Path dir = tmp.resolve("fixture-" + family + "-" + id);
        Path log = tmp.resolve("fixture-" + family + "-" + id + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.javaBinary());
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FixtureMain.class.getName(), family, id, dir.toString(), Long.toString(n)));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long limitSeconds = 30L * mode.timeoutSeconds; // generous: loading is the slowest step
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            Files.writeString(log, "FAILED loading did not finish within " + limitSeconds + " s\n", StandardOpenOption.APPEND);
        }
        List<String> lines = Files.readAllLines(log);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Footprint f = Footprint.parse(last);
        String key = family + "/" + id;
        boolean lightning = id.startsWith("lightning");
        if (f != null && p.exitValue() == 0) {
            fixtures.put(key, dir);
            footprints.add(new FootprintRow(family.equals("kv") ? "key/value" : "JDBC", name, dataSet, f, null, note));
        } else {
            String reason = last.startsWith("FAILED ") ? last.substring(7) : "exit status " + p.exitValue() + ", see log";
            reason = Row.failure(lightning, sanitize(reason));
            fixtureFailures.put(key, reason);
            footprints.add(new FootprintRow(family.equals("kv") ? "key/value" : "JDBC", name, dataSet, null, reason, note));
        }
        System.out.printf("prepared %-16s %s in %.1f s%n", key, f != null ? "ok" : fixtureFailures.get(key), (System.nanoTime() - t0) / 1e9);
    }

    /** Temp paths say nothing to the reader and differ per run. */
    private String sanitize(String s) {
        return s.replaceAll(Pattern.quote(tmp.toString()) + "[^\\s;,)]*", "<dir>");
    }

    // ---- key/value workloads ----

    private void runKv() {
        List<KvSystem> systems = KvSystems.all();
        for (KvWorkload w : KvWorkload.values()) {
            for (int threads : w.threads()) {
                for (KvSystem s : systems) {
                    if (s.runs(w) && selected("kv", w.method(), s.id())) {
                        total++;
                    }
                }
            }
        }
        for (KvWorkload w : KvWorkload.values()) {
            for (int threads : w.threads()) {
                String group = "kv/" + w.method() + "/" + threads;
                for (KvSystem s : systems) {
                    if (!s.runs(w) || !selected("kv", w.method(), s.id())) {
                        continue;
                    }
                    String failure = fixtureFailures.get("kv/" + s.id());
                    JmhRun.Outcome o = failure != null ? new JmhRun.Outcome(null, failure)
                            : bench(KvBench.class, w.method(), w.method(), Map.of(), s.id(), threads, "kv/" + s.id(), s.isLightning(),
                                    w.minWarmupMillis());
                    Row row = o.measurement() != null
                            ? Row.measured(w.label(), threads, s.displayName(), s.isLightning(), s.settings(w), group, o.measurement(), s.note(w))
                            : Row.missing(w.label(), threads, s.displayName(), s.isLightning(), s.settings(w), group, o.failure(), s.note(w));
                    if (o.measurement() != null && !Double.isNaN(o.measurement().writerPutsPerSec())) {
                        row = row.withNote("its writer: " + Units.opsPerSec(o.measurement().writerPutsPerSec()) + " puts/s");
                    }
                    kvRows.add(w.durable() ? row.claimingDurability() : row);
                }
            }
        }
    }

    // ---- JDBC workloads ----

    private void runJdbc() {
        List<JdbcSystem> systems = JdbcSystems.all();
        total += countJdbc(systems);
        for (JdbcWorkload w : JdbcWorkload.values()) {
            for (int threads : w.threads()) {
                for (JdbcSystem s : systems) {
                    String name = w.name(threads);
                    if (!w.runsOn(s) || !selected("jdbc", name, s.id())) {
                        continue;
                    }
                    String group = "jdbc/" + name + "/" + threads + "/" + (s.synchronousVariant() ? "sync" : "default");
                    String label = w.label() + (s.synchronousVariant() ? " [synchronous commit]" : "");
                    String baseId = s.id().replace("-sync", "");
                    JmhRun.Outcome o;
                    if (s.notApplicable() != null) {
                        o = new JmhRun.Outcome(null, "n/a: " + s.notApplicable());
                    } else if (w.contended() || w.foreignKeys()) {
                        o = bench(w.benchClass(), w.method(), name, w.params(), s.id(), threads, null, s.isLightning(), 0);
                    } else if (fixtureFailures.containsKey("jdbc/" + baseId)) {
                        o = new JmhRun.Outcome(null, fixtureFailures.get("jdbc/" + baseId));
                    } else {
                        o = bench(w.benchClass(), w.method(), name, Map.of(), s.id(), threads, "jdbc/" + baseId, s.isLightning(), 0);
                    }
                    String settings = s.notApplicable() != null ? "—" : w.contended() ? s.contendedSettings() : s.durability();
                    Row row = o.measurement() != null
                            ? Row.measured(label, threads, s.displayName(), s.isLightning(), settings, group, o.measurement(), s.note())
                            : Row.missing(label, threads, s.displayName(), s.isLightning(), settings, group, o.failure(), s.note());
                    if (o.measurement() != null) {
                        for (String note : o.notes()) {
                            row = row.withNote(note);
                        }
                        if (w.contended()) {
                            row = row.withNote("sampled p99.9 " + Units.nanos(o.measurement().p999Nanos()) + ", max "
                                    + Units.nanos(o.measurement().maxNanos()));
                        }
                        if (o.wrong() != null) {
                            row = row.notComparable(o.wrong());
                        }
                    }
                    jdbcRows.add(s.fsyncPerCommit() && w.commitBound() ? row.claimingDurability() : row);
                }
            }
        }
    }

    private int countJdbc(List<JdbcSystem> systems) {
        int n = 0;
        for (JdbcWorkload w : JdbcWorkload.values()) {
            for (int threads : w.threads()) {
                for (JdbcSystem s : systems) {
                    if (w.runsOn(s) && selected("jdbc", w.name(threads), s.id()) && s.notApplicable() == null
                            && (w.contended() || w.foreignKeys() || !fixtureFailures.containsKey("jdbc/" + s.id().replace("-sync", "")))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** What a benchmark found besides its numbers, for the progress line. */
    private static String consoleNotes(JmhRun.Outcome o) {
        List<String> all = new ArrayList<>(o.notes());
        if (o.wrong() != null) {
            all.add(o.wrong());
        }
        return all.isEmpty() ? "" : "; " + String.join("; ", all);
    }

    /**
     * Runs {@code cls.method} on {@code system} with the further JMH parameters {@code params};
     * {@code name} is the workload's name in logs ({@code --only} matches it); {@code fixtureKey}
     * names the prepared database the benchmark copies, null if it creates its own.
     */
    private JmhRun.Outcome bench(Class<?> cls, String method, String name, Map<String, String> params, String system, int threads,
                                 String fixtureKey, boolean lightning, long minWarmupMillis) {
        Map<String, String> props = new HashMap<>();
        if (fixtureKey != null) {
            props.put(BenchProps.FIXTURE, fixtures.get(fixtureKey).toString());
        }
        props.put(BenchProps.WORK, tmp.resolve("work").toString());
        props.put(BenchProps.KEYS, Long.toString(mode.keys));
        props.put(BenchProps.ROWS, Long.toString(mode.rows));
        Path log = tmp.resolve("jmh-" + cls.getSimpleName() + "-" + name + "-" + system + "-" + threads + ".log");
        long t0 = System.nanoTime();
        JmhRun.Outcome o = JmhRun.run(cls, method, system, params, threads, mode, minWarmupMillis, flags, props, log);
        if (o.failure() != null) {
            o = new JmhRun.Outcome(null, Row.failure(lightning, sanitize(o.failure())));
        }
        done++;
        System.out.printf("[%d/%d] %-34s %-14s %2d thr: %s (%.1f s)%n", done, total, cls.getSimpleName() + "." + name, system, threads,
                o.measurement() != null ? String.format("%.0f ops/s", o.measurement().opsPerSec()) + consoleNotes(o) : o.failure(),
                (System.nanoTime() - t0) / 1e9);
        return o;
    }
}
