package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * What the first two seconds of random puts look like in a fresh JVM on an existing database (the
 * bench's randomPut row runs in such a fork): puts per 100 ms, time stalled on the merger, merges.
 * Usage: {@code ColdPutMain dir [keys]}; the first run creates and loads {@code dir}, later runs
 * put into it ({@code -Dgets=true}: get, as the getHot row does; {@code -DwarmCache=true}: read
 * every key first; {@code -DcacheFactor=n}: a cache n times the data, default 2; {@code -Dseconds}).
 */
public final class ColdPutMain {
    private ColdPutMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        boolean fresh = !Files.exists(dir);
        LightningDbConfig config = LightningDbConfig.builder().cacheSize(keys * 116L * Long.getLong("cacheFactor", 2)).walSyncMode(WalSyncMode.OFF).build();
        try (LightningDb db = LightningDb.open(dir, config)) {
            if (fresh) {
                int[] order = new int[keys]; // in key order, or shuffled as the bench's fixture loads (-Dshuffled=true)
                for (int i = 0; i < keys; i++) {
                    order[i] = i;
                }
                if (Boolean.getBoolean("shuffled")) {
                    SplittableRandom shuffle = new SplittableRandom(11);
                    for (int i = keys - 1; i > 0; i--) {
                        int j = shuffle.nextInt(i + 1);
                        int t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                    }
                }
                for (int i = 0; i < keys; i += 1000) {
                    try (Transaction t = db.begin()) {
                        for (int j = i; j < Math.min(keys, i + 1000); j++) {
                            t.put(ReadWithWriterMain.key(order[j]), ReadWithWriterMain.value(order[j]));
                        }
                        t.commit();
                    }
                }
                System.out.println("loaded " + keys + " keys");
                return;
            }
            if (Boolean.getBoolean("warmCache")) { // the page cache warm, the merge code still cold
                for (int i = 0; i < keys; i++) {
                    db.get(ReadWithWriterMain.key(i));
                }
            }
            SplittableRandom r = new SplittableRandom(5);
            boolean gets = Boolean.getBoolean("gets"); // random gets instead of puts (the getHot row)
            long end = System.nanoTime() + Long.getLong("seconds", 2) * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long sliceEnd = System.nanoTime() + 100_000_000L;
                long stall0 = db.stats().get("mvcc.stallMillis");
                long n = 0;
                long worst = 0;
                long over10us = 0;
                long misses0 = db.stats().get("cache.misses");
                while (System.nanoTime() < sliceEnd) {
                    for (int k = 0; k < 64; k++) {
                        int i = r.nextInt(keys);
                        long t0 = System.nanoTime();
                        if (gets) {
                            db.get(ReadWithWriterMain.key(i));
                        } else {
                            db.put(ReadWithWriterMain.key(i), ReadWithWriterMain.value(i + 1));
                        }
                        long took = System.nanoTime() - t0;
                        worst = Math.max(worst, took);
                        over10us += took > 10_000 ? took : 0;
                    }
                    n += 64;
                }
                EngineStats s = db.stats();
                System.out.printf("%6d %s/100 ms, slowest %5.1f ms, %3d ms in ops over 10 us, %d cache misses, stalled %3d ms, "
                        + "merges %d (%d ms), checkpoints %d (%d ms), tables %d%n",
                        n, gets ? "gets" : "puts", worst / 1e6, over10us / 1_000_000, s.get("cache.misses") - misses0, s.get("mvcc.stallMillis") - stall0, s.get("mvcc.merges"), s.get("mvcc.mergeMillis"),
                        s.get("checkpoints"), s.get("mvcc.checkpointMillis"), s.get("mvcc.tables"));
            }
            EngineStats s = db.stats();
            System.out.printf("cache: %d pages, %d misses, %d evictions, %d written back; file %d pages%n", s.get("cache.capacityPages"),
                    s.get("cache.misses"), s.get("cache.evictions"), s.get("cache.writeBacks"), s.get("pages.total"));
        }
    }
}
