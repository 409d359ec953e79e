package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Point reads from cache with an empty write buffer, without JMH: loads {@code keys} keys (16-byte
 * keys, 100-byte values), checkpoints, then prints gets per second in rounds of 2 s. For comparing
 * two builds or two Javas by running this alternately on each. Usage: {@code HotGetMain [keys]
 * [rounds]}; the first rounds are the JIT's warm-up.
 */
public final class HotGetMain {
    private HotGetMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path dir = Files.createTempDirectory("lightningdb-hotget");
        LightningDbConfig config = LightningDbConfig.builder().cacheSize(128L << 20).walSyncMode(WalSyncMode.OFF).build();
        try (LightningDb db = LightningDb.open(dir, config)) {
            byte[][] key = new byte[keys][];
            for (int i = 0; i < keys; i++) {
                key[i] = String.format(Locale.ROOT, "%016d", i * 7919L % 1_000_000_007L).getBytes(StandardCharsets.US_ASCII);
                db.put(key[i], new byte[100]);
            }
            db.checkpoint(); // the buffer merged into the tree: reads find nothing buffered
            Thread.sleep(2000);
            Random rnd = new Random(1);
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                long gets = 0;
                while (System.nanoTime() - t0 < 2_000_000_000L) {
                    for (int i = 0; i < 1000; i++) {
                        if (db.get(key[rnd.nextInt(keys)]) == null) {
                            throw new IllegalStateException("a loaded key is missing");
                        }
                    }
                    gets += 1000;
                }
                System.out.printf(Locale.ROOT, "round %d: %.0f gets/s%n", round, gets / ((System.nanoTime() - t0) / 1e9));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
