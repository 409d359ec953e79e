package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.common.LightningDbConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code walArchiveDirectory}: segments a checkpoint covers are moved there, none lost, instead of deleted. */
class WalArchiveTest {
    @TempDir
    Path dir;

    private static List<Long> firstLsns(Path d) throws Exception {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("wal-") && n.endsWith(".log"))
                    .map(n -> Long.parseLong(n.substring(4, n.length() - 4))).sorted().toList();
        }
    }

    @Test
    void coveredSegmentsAreArchivedInOrderWithoutGaps() throws Exception {
        LightningDbConfig config = LightningDbConfig.builder().walArchiveDirectory("archive").walSegmentSize(1 << 20)
                .checkpointWalSize(1 << 20).writeBufferSize(256 * 1024).build();
        Path db = dir.resolve("db");
        try (LightningDb d = LightningDb.open(db, config)) {
            for (int i = 0; i < 6000; i++) {
                d.put(("key" + i).getBytes(), new byte[600]); // ~3.6 MiB of log: several segments, several checkpoints
            }
            d.checkpoint();
            d.put("last".getBytes(), new byte[1]);
        }
        List<Long> archived = firstLsns(db.resolve("archive"));
        List<Long> live = firstLsns(db);
        assertThat(archived).as("archived segments").hasSizeGreaterThan(2).first().isEqualTo(1L);
        assertThat(live).isNotEmpty();
        assertThat(archived.get(archived.size() - 1)).isLessThan(live.get(0));
        try (LightningDb d = LightningDb.open(db, config)) {
            assertThat(d.get("key5999".getBytes())).hasSize(600);
            assertThat(d.get("last".getBytes())).hasSize(1);
        }
    }
}
