package dev.lightningdb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.bench.kv.KvWorkload;
import org.junit.jupiter.api.Test;

class BenchModeTest {
    @Test
    void aWarmUpFloorAddsWholeIterationsUntilItIsCovered() {
        assertThat(BenchMode.QUICK.warmupIterations(8_000)).isEqualTo(12); // 12 x 0.7 s >= 8 s > 11 x 0.7 s
        assertThat(BenchMode.STEADY.warmupIterations(8_000)).isEqualTo(8);
        assertThat(BenchMode.STEADY.warmupIterations(8_001)).isEqualTo(9);
    }

    @Test
    void aModeThatAlreadyWarmsUpLongerKeepsItsOwnIterations() {
        assertThat(BenchMode.FULL.warmupIterations(8_000)).isEqualTo(BenchMode.FULL.warmupIterations);
        assertThat(BenchMode.STEADY.warmupIterations(0)).isEqualTo(BenchMode.STEADY.warmupIterations);
    }

    @Test
    void theHotReadRowsShareOneFloorSoThatTheirRatioComparesLikeWithLike() {
        assertThat(KvWorkload.GET_HOT.minWarmupMillis()).isEqualTo(KvWorkload.GET_HOT_WITH_WRITER.minWarmupMillis())
                .isPositive();
        assertThat(KvWorkload.RANDOM_PUT.minWarmupMillis()).isZero();
    }
}
