package dev.lightningdb.engine;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IntegrityReport;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Loads N keys (16-byte keys, 100-byte values) into a database with a 64 MiB cache, reads every key
 * back, scans them all, checks integrity, reopens and samples again. Run in a child JVM with a small
 * heap by {@link LargeDatabaseTest}; exits non-zero (or dies of OutOfMemoryError) on failure.
 * Prints "OK" and the peak heap use last.
 */
public final class LargeLoadMain {
    private LargeLoadMain() {
    }

    static byte[] key(long i) {
        byte[] k = new byte[16];
        for (int b = 0; b < 8; b++) {
            k[b] = (byte) (i >>> (56 - 8 * b));
        }
        long h = i * 0x9E3779B97F4A7C15L;
        for (int b = 8; b < 16; b++) {
            k[b] = (byte) (h >>> (8 * (b - 8)));
        }
        return k;
    }

    static byte[] value(long i) {
        byte[] v = new byte[100];
        long x = i ^ 0x5DEECE66DL;
        for (int b = 0; b < 100; b++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            v[b] = (byte) (x >>> 56);
        }
        return v;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        int batch = 100_000;
        LightningDbConfig config = LightningDbConfig.builder().cacheSize(64L << 20).build();
        long t0 = System.nanoTime();
        try (LightningDb db = LightningDb.open(dir, config)) {
            for (long i = 0; i < n; i += batch) {
                try (Transaction t = db.begin()) {
                    for (long j = i; j < Math.min(n, i + batch); j++) {
                        t.put(key(j), value(j));
                    }
                    t.commit();
                }
            }
            db.checkpoint();
            long t1 = System.nanoTime();
            log("loaded %d keys in %.1f s", n, (t1 - t0) / 1e9);
            for (long i = 0; i < n; i++) {
                byte[] v = db.get(key(i));
                if (!Arrays.equals(v, value(i))) {
                    throw new AssertionError("key " + i + " reads back wrong: " + (v == null ? "missing" : v.length + " bytes"));
                }
            }
            long t2 = System.nanoTime();
            log("read %d keys back in order in %.1f s", n, (t2 - t1) / 1e9);
            Random rnd = new Random(42);
            int samples = (int) Math.min(n, 200_000);
            for (int s = 0; s < samples; s++) {
                long i = (rnd.nextLong() & Long.MAX_VALUE) % n;
                if (!Arrays.equals(db.get(key(i)), value(i))) {
                    throw new AssertionError("random read of key " + i + " is wrong");
                }
            }
            long t3 = System.nanoTime();
            log("%d random reads in %.1f s", samples, (t3 - t2) / 1e9);
            long count = 0;
            try (Cursor c = db.scan(KeyRange.all())) {
                while (c.next()) {
                    if (!Arrays.equals(c.key(), key(count))) {
                        throw new AssertionError("scan entry " + count + " has the wrong key");
                    }
                    count++;
                }
            }
            if (count != n) {
                throw new AssertionError("scan found " + count + " keys, expected " + n);
            }
            long t4 = System.nanoTime();
            log("scanned %d keys in %.1f s", count, (t4 - t3) / 1e9);
            IntegrityReport report = db.verifyIntegrity();
            if (!report.isClean()) {
                throw new AssertionError("integrity: " + report);
            }
            log("integrity clean (%d pages) in %.1f s; stats: hits=%d misses=%d evictions=%d writeBacks=%d height=%d pages=%d",
                    report.pagesChecked(), (System.nanoTime() - t4) / 1e9, db.stats().get("cache.hits"), db.stats().get("cache.misses"),
                    db.stats().get("cache.evictions"), db.stats().get("cache.writeBacks"), db.stats().get("tree.height"),
                    db.stats().get("pages.total"));
        }
        try (LightningDb db = LightningDb.open(dir, config)) {
            Random rnd = new Random(7);
            for (int s = 0; s < 10_000; s++) {
                long i = (rnd.nextLong() & Long.MAX_VALUE) % n;
                if (!Arrays.equals(db.get(key(i)), value(i))) {
                    throw new AssertionError("after reopen, key " + i + " is wrong");
                }
            }
            if (db.stats().get("store.entries") != n) {
                throw new AssertionError("after reopen the store counts " + db.stats().get("store.entries") + " entries");
            }
        }
        long oldGenPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")) {
                oldGenPeak = Math.max(oldGenPeak, pool.getPeakUsage().getUsed());
            }
        }
        System.gc();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        log("OK total %.1f s, max heap %d MiB, old generation peak %d MiB, live after GC %d MiB", (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20, oldGenPeak >> 20, live >> 20);
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(format, args));
        System.out.flush();
    }
}
