package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WalSyncMode#OFF}: nothing is logged, checkpoints keep the data, an older log is still recovered. */
class WalOffTest {
    @TempDir
    Path dir;

    private static long walBytes(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void commitsAreNotLoggedAndSurviveACheckpointedClose() throws Exception {
        LightningDbConfig logged = LightningDbConfig.builder().walSyncMode(WalSyncMode.ASYNC).build();
        LightningDbConfig off = LightningDbConfig.builder().walSyncMode(WalSyncMode.OFF).build();
        try (LightningDb db = LightningDb.open(dir, logged)) {
            db.put(new byte[] {1}, new byte[] {1});
        }
        try (LightningDb db = LightningDb.open(dir, off)) {
            long before = walBytes(dir);
            for (int i = 0; i < 1000; i++) {
                db.put(new byte[] {2, (byte) i, (byte) (i >> 8)}, new byte[100]);
            }
            assertThat(walBytes(dir)).as("no log records for commits under OFF").isEqualTo(before);
            assertThat(db.get(new byte[] {2, 5, 0})).hasSize(100);
        }
        try (LightningDb db = LightningDb.open(dir, logged)) {
            assertThat(db.get(new byte[] {1})).containsExactly(1);
            assertThat(db.get(new byte[] {2, (byte) 999, (byte) (999 >> 8)})).hasSize(100);
            db.put(new byte[] {3}, new byte[] {3});
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
        try (LightningDb db = LightningDb.open(dir, off)) {
            assertThat(db.get(new byte[] {3})).containsExactly(3);
        }
    }
}
