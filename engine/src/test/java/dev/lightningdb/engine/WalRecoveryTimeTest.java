package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures recovery of 64 MiB of WAL after the last checkpoint (the target: under 1 s),
 * through {@link WalRecoveryTimeMain} (which also runs on its own to quote the number). Prints the
 * time; asserts only that everything came back.
 */
@Tag("stress")
class WalRecoveryTimeTest {
    @TempDir
    Path dir;

    @Test
    void recoversSixtyFourMebibytesOfWal() throws Exception {
        Path crashed = WalRecoveryTimeMain.prepare(dir, 64L << 20, 5);
        WalRecoveryTimeMain.Result r = WalRecoveryTimeMain.recover(crashed);
        System.out.println("WalRecoveryTimeTest: replayed " + r.records() + " records, " + r.bytes() + " bytes of WAL in " + r.recoveryMillis()
                + " ms (open " + r.openMillis() + " ms)");
        assertThat(r.bytes()).isGreaterThanOrEqualTo(64L << 20);
        // Every commit wrote 16 fresh random keys, and every one of them was replayed.
        assertThat(r.entries()).isEqualTo(r.records() * 16);
    }
}
