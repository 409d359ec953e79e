package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures recovery of 64 MiB of WAL after the last checkpoint (the target: under 1 s).
 * The "crash" copies the files while the database is open; ASYNC writes are in the OS cache, so
 * the copy holds the whole log. Prints the time; asserts only that everything came back.
 */
@Tag("stress")
class WalRecoveryTimeTest {
    @TempDir
    Path dir;

    @Test
    void recoversSixtyFourMebibytesOfWal() throws Exception {
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.ASYNC).build();
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        Random rnd = new Random(5);
        long commits = 0;
        try (LightningDb db = LightningDb.open(live, config)) {
            while (db.stats().get("wal.bytes") < 64L << 20) {
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
                commits++;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(live)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (n.equals("data.ldb") || n.startsWith("wal-")) {
                        Files.copy(p, crashed.resolve(n));
                    }
                }
            }
        }
        try (LightningDb db = LightningDb.open(crashed, config)) {
            EngineStats s = db.stats();
            System.out.println("WalRecoveryTimeTest: replayed " + s.get("recovery.records") + " records, " + s.get("recovery.bytes")
                    + " bytes of WAL in " + s.get("recovery.millis") + " ms");
            assertThat(s.get("recovery.records")).isEqualTo(commits);
            assertThat(s.get("store.entries")).isEqualTo(commits * 16);
        }
    }
}
