package dev.lightningdb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsCountTest {
    @TempDir
    Path dir;

    @Test
    void threadsOfAnIterationAddUpAndIterationsAverage() throws Exception {
        Path file = dir.resolve("ops");
        // iteration 0: two threads, 1000 ops in 1 s and 3000 ops in 2 s; iteration 1: one thread, 500 ops in 0.5 s
        Files.writeString(file, "0 1000 1000000000\n0 3000 2000000000\n1 500 500000000\n");
        assertThat(OpsCount.opsPerSecond(file)).isEqualTo(((1000 + 1500) + 1000) / 2.0);
    }

    @Test
    void aMissingEmptyOrGarbledFileGivesNaN() throws Exception {
        assertThat(OpsCount.opsPerSecond(dir.resolve("absent"))).isNaN();
        Path empty = Files.writeString(dir.resolve("empty"), "");
        assertThat(OpsCount.opsPerSecond(empty)).isNaN();
        Path garbled = Files.writeString(dir.resolve("garbled"), "0 12 x\n\u0000\u00ff\n");
        assertThat(OpsCount.opsPerSecond(garbled)).isNaN();
    }
}
