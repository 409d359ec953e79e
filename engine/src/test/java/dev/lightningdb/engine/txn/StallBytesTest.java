package dev.lightningdb.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How much frozen write buffer commits may build up before they wait for the merger. */
class StallBytesTest {
    private static final long MIB = 1 << 20;

    @Test
    void fourBuffersWhereAnEighthOfTheHeapHoldsThem() {
        assertThat(VersionedStore.stallBytes(32 * MIB, 2048 * MIB)).isEqualTo(128 * MIB);
        assertThat(VersionedStore.stallBytes(64 * 1024, 1024 * MIB)).isEqualTo(256 * 1024);
    }

    @Test
    void anEighthOfASmallerHeapButNeverLessThanTwoBuffers() {
        assertThat(VersionedStore.stallBytes(32 * MIB, 768 * MIB)).isEqualTo(96 * MIB);
        assertThat(VersionedStore.stallBytes(32 * MIB, 512 * MIB)).isEqualTo(64 * MIB);
        assertThat(VersionedStore.stallBytes(32 * MIB, 128 * MIB)).isEqualTo(64 * MIB);
    }
}
