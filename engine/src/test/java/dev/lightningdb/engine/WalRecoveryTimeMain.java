package dev.lightningdb.engine;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Prints how long recovery takes for 64 MiB of WAL after the last checkpoint (commits of 16 random
 * 16-byte keys with 200-byte values). The "crash" copies the files while the database is open:
 * ASYNC writes are in the OS cache, so the copy holds the whole log. Usage: {@code
 * WalRecoveryTimeMain [runs] [MiB]}; run it on an otherwise idle machine to quote the number.
 */
public final class WalRecoveryTimeMain {
    private WalRecoveryTimeMain() {
    }

    /** One measurement: records and bytes replayed, recovery time as the engine counts it, and the whole open. */
    record Result(long records, long bytes, long recoveryMillis, long openMillis, long entries) {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long mib = args.length > 1 ? Long.parseLong(args[1]) : 64;
        Path tmp = Files.createTempDirectory("lightningdb-recovery");
        try {
            Path crashed = prepare(tmp, mib << 20, 5);
            for (int run = 1; run <= runs; run++) {
                Path copy = tmp.resolve("run" + run);
                copyDatabase(crashed, copy);
                Result r = recover(copy);
                System.out.printf("run %d: replayed %d records (%.1f MiB of WAL) in %d ms (open %d ms), %d entries%n", run, r.records(),
                        r.bytes() / 1048576.0, r.recoveryMillis(), r.openMillis(), r.entries());
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes {@code walBytes} of WAL after the last checkpoint into {@code root/live}; returns the crash copy {@code root/crashed}. */
    static Path prepare(Path root, long walBytes, long seed) throws IOException {
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.ASYNC).build();
        Path live = root.resolve("live");
        Path crashed = root.resolve("crashed");
        Random rnd = new Random(seed);
        try (LightningDb db = LightningDb.open(live, config)) {
            while (db.stats().get("wal.bytes") < walBytes) {
                try (Transaction t = db.begin()) {
                    for (int i = 0; i < 16; i++) {
                        byte[] k = new byte[16];
                        rnd.nextBytes(k);
                        byte[] v = new byte[200];
                        rnd.nextBytes(v);
                        t.put(k, v);
                    }
                    t.commit();
                }
            }
            copyDatabase(live, crashed);
        }
        return crashed;
    }

    static Result recover(Path crashed) {
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.ASYNC).build();
        long start = System.nanoTime();
        try (LightningDb db = LightningDb.open(crashed, config)) {
            long openMillis = (System.nanoTime() - start) / 1_000_000;
            EngineStats s = db.stats();
            return new Result(s.get("recovery.records"), s.get("recovery.bytes"), s.get("recovery.millis"), openMillis,
                    s.get("store.entries"));
        }
    }

    static void copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(from)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals("data.ldb") || n.startsWith("wal-")) {
                    Files.copy(p, to.resolve(n));
                }
            }
        }
    }
}
