package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Reader throughput with and without a writer overwriting random keys non-stop on another thread
 * (the bench's getHotWithWriter row, without JMH, for profiling). Usage:
 * {@code ReadWithWriterMain [keys] [seconds]}; prints both rates, their ratio, the writer's rate,
 * the collector's time and the write buffer's statistics. Options: {@code -Dbuffer=BYTES},
 * {@code -Dseparate=true} (the writer writes to a database of its own), {@code -Dspin=true} (the
 * other core only computes), {@code -Djfr=FILE} (a flight recording of the phase beside the
 * writer), {@code -Dputs=true} (the writer's rate alone first).
 */
public final class ReadWithWriterMain {
    private static volatile boolean writing;

    private ReadWithWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("lightningdb-rww");
        LightningDbConfig config = LightningDbConfig.builder().cacheSize(Long.getLong("cache", keys * 116L * 2))
                .walSyncMode(WalSyncMode.OFF).writeBufferSize(Long.getLong("buffer", 32L << 20)).build();
        try (LightningDb db = LightningDb.open(dir.resolve("db"), config)) {
            for (int i = 0; i < keys; i += 1000) {
                try (Transaction t = db.begin()) {
                    for (int j = i; j < Math.min(keys, i + 1000); j++) {
                        t.put(key(j), value(j));
                    }
                    t.commit();
                }
            }
            db.checkpoint();
            read(db, keys, seconds); // warm-up
            if (Boolean.getBoolean("puts")) {
                SplittableRandom r = new SplittableRandom(3);
                for (int round = 0; round < 3; round++) {
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    long n = 0;
                    long t = System.nanoTime();
                    long stall0 = db.stats().get("mvcc.stallMillis");
                    long gcStart = gcMillis();
                    java.util.Map<String, long[]> c0 = threadCpu();
                    while (System.nanoTime() < end) {
                        for (int k = 0; k < 256; k++) {
                            int i = r.nextInt(keys);
                            db.put(key(i), value(i + round));
                        }
                        n += 256;
                    }
                    long w = System.nanoTime() - t;
                    java.util.Map<String, long[]> c1 = threadCpu();
                    StringBuilder cpus = new StringBuilder();
                    c1.forEach((name, c) -> {
                        long d = c[0] - c0.getOrDefault(name, new long[2])[0];
                        if (d > w / 50) {
                            cpus.append(String.format(" %s=%.0f%%", name.startsWith("lightning-merge") ? "merger" : name, 100.0 * d / w));
                        }
                    });
                    System.out.printf("puts alone: %.0f/s; stalled %d ms, GC %d ms;%s%n", n / (w / 1e9),
                            db.stats().get("mvcc.stallMillis") - stall0, gcMillis() - gcStart, cpus);
                }
            }
            double alone = read(db, keys, seconds);
            long[] written = new long[1];
            // -Dseparate=true: the writer writes to a database of its own (the same CPU and memory
            // load, nothing shared with the reader's database), to tell sharing costs from load.
            LightningDb target = Boolean.getBoolean("separate") ? LightningDb.open(dir.resolve("other"), config) : db;
            Thread writer = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(7);
                long n = 0;
                if (Boolean.getBoolean("spin")) {
                    // -Dspin=true: the other core only computes, touching no memory, to tell what
                    // any busy neighbour costs the reader from what a writer's memory traffic costs.
                    long x = 1;
                    while (writing) {
                        for (int k = 0; k < 1000; k++) {
                            x = x * 6364136223846793005L + 1442695040888963407L;
                        }
                        n++;
                    }
                    written[0] = x == 0 ? -1 : 0;
                    return;
                }
                while (writing) {
                    int i = r.nextInt(keys);
                    target.put(key(i), value(i + 1));
                    n++;
                }
                written[0] = n;
            }, "writer");
            writing = true;
            writer.start();
            read(db, keys, 2); // let the buffer fill
            long gc0 = gcMillis();
            java.util.Map<String, long[]> cpu0 = threadCpu();
            long proc0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long t0 = System.nanoTime();
            // -Djfr=FILE: a flight recording of the phase beside the writer alone, for profiling.
            jdk.jfr.Recording recording = null;
            if (System.getProperty("jfr") != null) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
            }
            double beside = read(db, keys, seconds);
            if (recording != null) {
                recording.dump(Path.of(System.getProperty("jfr")));
                recording.close();
            }
            long wall = System.nanoTime() - t0;
            long proc = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - proc0;
            java.util.Map<String, long[]> cpu1 = threadCpu();
            long gc = gcMillis() - gc0;
            System.out.printf("process CPU %.2f cores over the phase%n", (double) proc / wall);
            System.out.println("  thread                on a core  waiting for one");
            cpu1.forEach((name, c) -> {
                long[] before = cpu0.getOrDefault(name, new long[2]);
                long d = c[0] - before[0];
                long waited = c[1] - before[1];
                if (d > wall / 200 || waited > wall / 200) {
                    System.out.printf("  %-20s %8.1f%% %8.1f%%%n", name, 100.0 * d / wall, 100.0 * waited / wall);
                }
            });
            writing = false;
            writer.join();
            if (target != db) {
                target.close();
            }
            double secs = (System.nanoTime() - t0) / 1e9 + 2;
            System.out.printf("reads alone %.0f/s, beside a writer %.0f/s = %.1f%%; writer %.0f puts/s; GC %d ms in %d s%n",
                    alone, beside, 100 * beside / alone, written[0] / (secs + 2), gc, seconds);
            System.out.println(db.stats());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double read(LightningDb db, int keys, int seconds) {
        SplittableRandom r = new SplittableRandom(11);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long start = System.nanoTime();
        long[] sched0 = schedstat();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        while (true) {
            for (int k = 0; k < 256; k++) {
                byte[] v = db.get(key(r.nextInt(keys)));
                if (v == null || v.length != 100) {
                    throw new IllegalStateException("lost a key");
                }
            }
            n += 256;
            long now = System.nanoTime();
            if (now >= end) {
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
                long[] sched1 = schedstat();
                System.out.printf("reader: %.0f%% of the wall time on a core, %.0f ns of its CPU per get; %.1f%% runnable waiting for a core%n",
                        100.0 * cpu / (now - start), (double) cpu / n, 100.0 * (sched1[1] - sched0[1]) / (now - start));
                return n / ((now - start) / 1e9);
            }
        }
    }

    /** The calling thread's time on a core and time runnable but waiting for one, in ns (Linux; zeros elsewhere). */
    private static long[] schedstat() {
        try {
            return schedstat(Path.of("/proc/thread-self"));
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** A thread's time on a core and time runnable but waiting for one, in ns, from its /proc directory. */
    private static long[] schedstat(Path thread) throws IOException {
        String[] f = Files.readString(thread.resolve("schedstat")).trim().split(" ");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    /**
     * Per thread name, its CPU time and (in [1]) its time runnable but waiting for a core, in ns:
     * from /proc, so that the collector's and the compiler's native threads show too; elsewhere
     * the Java threads' CPU time alone.
     */
    private static java.util.Map<String, long[]> threadCpu() {
        java.util.Map<String, long[]> m = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> s = Files.list(tasks)) {
                for (Path t : (Iterable<Path>) s::iterator) {
                    try {
                        String name = Files.readString(t.resolve("comm")).trim();
                        long[] times = schedstat(t);
                        long[] sum = m.computeIfAbsent(name, k -> new long[2]);
                        sum[0] += times[0];
                        sum[1] += times[1];
                    } catch (IOException e) {
                        // the thread ended
                    }
                }
                return m;
            } catch (IOException e) {
                m.clear();
            }
        }
        var mx = ManagementFactory.getThreadMXBean();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info != null) {
                m.computeIfAbsent(info.getThreadName(), k -> new long[2])[0] += mx.getThreadCpuTime(id);
            }
        }
        return m;
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += b.getCollectionTime();
        }
        return t;
    }

    static byte[] key(long i) {
        byte[] k = new byte[16];
        for (int b = 0; b < 8; b++) {
            k[b] = (byte) (i >>> (56 - 8 * b));
            k[8 + b] = (byte) ((i * 0x9E3779B97F4A7C15L) >>> (56 - 8 * b));
        }
        return k;
    }

    private static final byte[][] VALUES = new byte[1024][100];

    static {
        SplittableRandom r = new SplittableRandom(42);
        for (byte[] v : VALUES) {
            for (int j = 0; j < v.length; j++) {
                v[j] = (byte) r.nextInt(256);
            }
        }
    }

    static byte[] value(long i) {
        return VALUES[(int) (i & 1023)];
    }
}
