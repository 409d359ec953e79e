package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.WalSyncMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that outruns the merger waits before the frozen tables outnumber the table filter's 64
 * slots: a table without a slot would be asked by every read (see {@code VersionedStore.MAX_FROZEN}).
 */
class FrozenTablesTest {
    private static final int SLOTS = 64;

    @TempDir
    Path dir;

    private static byte[] key(int i) {
        return String.format("key%08d", i).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void commitsStopBeforeTheFrozenTablesOutnumberTheFiltersSlots() {
        // A 1 MiB buffer: tables of 64 KiB, and 4 MiB frozen (64 tables) before the byte limit stops commits.
        LightningDbConfig config = LightningDbConfig.builder().walSyncMode(WalSyncMode.OFF).writeBufferSize(1 << 20).build();
        LightningDb.open(dir, config).close();
        DiskFullFileIO.Disk disk = new DiskFullFileIO.Disk(1, false); // no merge can write its pages
        int committed = 0;
        try (LightningDb db = LightningDb.open(dir, config, disk.opener())) {
            byte[] value = new byte[1000];
            LightningDbException refused = null;
            while (refused == null && committed < 100_000) {
                try {
                    db.put(key(committed), value);
                    committed++;
                } catch (LightningDbException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("commits stop once the buffer is full and merges fail").isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.IO_ERROR);
            assertThat(disk.hit()).isTrue();
            assertThat(db.stats().get("mvcc.tables")).as("tables in the buffer, the active one included")
                    .isGreaterThan(SLOTS / 2).isLessThanOrEqualTo(SLOTS);
            for (int i = 0; i < committed; i += 97) {
                assertThat(db.get(key(i))).as("key %d from the buffer", i).hasSize(1000);
            }
            disk.lift();
        }
        try (LightningDb db = LightningDb.open(dir, config)) {
            assertThat(db.stats().get("store.entries")).isEqualTo(committed);
        }
    }
}
