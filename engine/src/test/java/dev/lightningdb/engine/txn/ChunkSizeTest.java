package dev.lightningdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The write buffer's chunks fill one G1 region each, so that G1 neither copies them nor spends two regions on one. */
class ChunkSizeTest {
    private static final int MIB = 1 << 20;

    @Test
    void aChunkFillsOneRegionLessRoomForItsHeader() {
        for (int region : new int[] {MIB, 2 * MIB, 4 * MIB}) {
            int chunk = ArenaSkipList.chunkBytes(region);
            assertThat(chunk + 24).as("chunk and the largest array header in a %d-byte region", region).isLessThanOrEqualTo(region);
            assertThat(chunk).as("more than half a region: allocated outside the young generation").isGreaterThan(region / 2);
        }
    }

    @Test
    void otherwiseAMegabyte() {
        assertThat(ArenaSkipList.chunkBytes(0)).as("another collector").isEqualTo(MIB);
        assertThat(ArenaSkipList.chunkBytes(8 * MIB)).as("regions of 8 MiB").isEqualTo(MIB);
        assertThat(ArenaSkipList.chunkBytes(3 * MIB)).as("not a region size G1 uses").isEqualTo(MIB);
    }

    @Test
    void theRunningJvmsChunkIsSizedForItsRegions() {
        long region = G1Regions.regionBytes();
        assertThat(ArenaSkipList.CHUNK).isEqualTo(ArenaSkipList.chunkBytes(region));
        if (region >= MIB && region <= 4 * MIB) { // the test JVM runs G1 with a 1 GiB heap: 1 MiB regions
            assertThat(ArenaSkipList.CHUNK + 24L).isLessThanOrEqualTo(region);
        }
    }
}
