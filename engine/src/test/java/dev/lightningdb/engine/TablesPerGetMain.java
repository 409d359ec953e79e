package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * What each write-buffer table costs a point read: loads keys into the tree, then adds random
 * overwrites one table at a time (no merge runs: fewer than {@code writeBufferSize} bytes are
 * frozen) and measures single-threaded gets of random keys after each table. Usage:
 * {@code TablesPerGetMain [keys] [millisPerStep]}.
 */
public final class TablesPerGetMain {
    private TablesPerGetMain() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int millis = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("lightningdb-tpg");
        LightningDbConfig config = LightningDbConfig.builder().cacheSize(keys * 116L * 2)
                .walSyncMode(WalSyncMode.OFF).writeBufferSize(32L << 20).checkpointInterval(java.time.Duration.ZERO).build();
        try (LightningDb db = LightningDb.open(dir.resolve("db"), config)) {
            for (int i = 0; i < keys; i += 1000) {
                try (Transaction t = db.begin()) {
                    for (int j = i; j < Math.min(keys, i + 1000); j++) {
                        t.put(ReadWithWriterMain.key(j), ReadWithWriterMain.value(j));
                    }
                    t.commit();
                }
            }
            db.checkpoint();
            SplittableRandom w = new SplittableRandom(7);
            get(db, keys, millis);
            long merges = db.stats().get("mvcc.merges");
            for (int step = 0; step < 16; step++) {
                long tables = db.stats().get("mvcc.tables");
                double rate = get(db, keys, millis);
                System.out.printf("tables %2d: %.0f gets/s = %.0f ns per get%n", tables, rate, 1e9 / rate);
                while (db.stats().get("mvcc.tables") == tables) {
                    int i = w.nextInt(keys);
                    db.put(ReadWithWriterMain.key(i), ReadWithWriterMain.value(i + 1));
                }
                if (db.stats().get("mvcc.merges") > merges) {
                    System.out.println("a merge ran: stop");
                    break;
                }
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double get(LightningDb db, int keys, int millis) {
        SplittableRandom r = new SplittableRandom(11);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long n = 0;
        while (true) {
            for (int k = 0; k < 256; k++) {
                if (db.get(ReadWithWriterMain.key(r.nextInt(keys))) == null) {
                    throw new IllegalStateException("lost a key");
                }
            }
            n += 256;
            long now = System.nanoTime();
            if (now >= end) {
                return n / ((now - start) / 1e9);
            }
        }
    }
}
