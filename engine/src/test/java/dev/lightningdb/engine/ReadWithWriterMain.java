package dev.lightningdb.engine;

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
 * the collector's time and the write buffer's statistics.
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
                    java.util.Map<String, Long> c0 = threadCpu();
                    while (System.nanoTime() < end) {
                        for (int k = 0; k < 256; k++) {
                            int i = r.nextInt(keys);
                            db.put(key(i), value(i + round));
                        }
                        n += 256;
                    }
                    long w = System.nanoTime() - t;
                    java.util.Map<String, Long> c1 = threadCpu();
                    StringBuilder cpus = new StringBuilder();
                    c1.forEach((name, c) -> {
                        long d = c - c0.getOrDefault(name, 0L);
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
            java.util.Map<String, Long> cpu0 = threadCpu();
            long proc0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long t0 = System.nanoTime();
            double beside = read(db, keys, seconds);
            long wall = System.nanoTime() - t0;
            long proc = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - proc0;
            java.util.Map<String, Long> cpu1 = threadCpu();
            long gc = gcMillis() - gc0;
            System.out.printf("process CPU %.2f cores over the phase%n", (double) proc / wall);
            cpu1.forEach((name, c) -> {
                long d = c - cpu0.getOrDefault(name, 0L);
                if (d > wall / 100) {
                    System.out.printf("  %-40s %.0f%%%n", name, 100.0 * d / wall);
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
                System.out.printf("reader: %.0f%% of the wall time on a core, %.0f ns of its CPU per get%n",
                        100.0 * cpu / (now - start), (double) cpu / n);
                return n / ((now - start) / 1e9);
            }
        }
    }

    private static java.util.Map<String, Long> threadCpu() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        var mx = ManagementFactory.getThreadMXBean();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info != null) {
                m.merge(info.getThreadName(), mx.getThreadCpuTime(id), Long::sum);
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
