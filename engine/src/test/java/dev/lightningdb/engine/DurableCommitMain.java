package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Durable single-key commits ({@code walSyncMode=SYNC}) from N threads, without JMH, for
 * profiling the group commit: prints commits/s, log forces/s and commits per force. Usage:
 * {@code DurableCommitMain [threads] [seconds]}.
 */
public final class DurableCommitMain {
    private static volatile boolean running = true;

    private DurableCommitMain() {
    }

    /** 4 KiB overwrite + force of a preallocated file, for one second: this disk's ceiling now. */
    static double fsyncRate(Path dir) throws java.io.IOException {
        Path f = dir.resolve("fsync-probe");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4096);
            for (int i = 0; i < 256; i++) {
                ch.write(b.clear(), i * 4096L);
            }
            ch.force(true);
            long n = 0;
            long end = System.nanoTime() + 1_000_000_000L;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                ch.write(b.clear(), (n % 256) * 4096L);
                ch.force(false);
                n++;
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("lightningdb-durable");
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.SYNC).build();
        try (LightningDb db = LightningDb.open(dir.resolve("db"), config)) {
            LongAdder commits = new LongAdder();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int seed = t;
                workers[t] = new Thread(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    byte[] value = new byte[100];
                    while (running) {
                        db.put(ReadWithWriterMain.key(r.nextInt(300_000)), value);
                        commits.increment();
                    }
                });
            }
            for (Thread w : workers) {
                w.start();
            }
            Thread.sleep(1000);
            long c0 = commits.sum();
            long f0 = db.stats().get("wal.forces");
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long c = commits.sum() - c0;
            long f = db.stats().get("wal.forces") - f0;
            double secs = (System.nanoTime() - t0) / 1e9;
            running = false;
            for (Thread w : workers) {
                w.join();
            }
            System.out.printf("%d threads: %.0f commits/s, %.0f forces/s, %.1f commits per force; raw fsync rate %.0f/s%n", threads,
                    c / secs, f / secs, (double) c / Math.max(1, f), fsyncRate(dir));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
