package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.WalSyncMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightningDbConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        LightningDbConfig c = LightningDbConfig.defaults();
        assertThat(c.pageSize()).isEqualTo(8192);
        assertThat(c.cacheSize()).isEqualTo(64L << 20);
        assertThat(c.walSyncMode()).isEqualTo(WalSyncMode.ASYNC);
        assertThat(c.verifyChecksumsOnRead()).isTrue();
        assertThat(c.maxKeySize()).isEqualTo(1024);
        assertThat(c.maxActiveTransactions()).isEqualTo(10_000);
        assertThat(c.defaultIsolation()).isEqualTo(IsolationLevel.READ_COMMITTED);
        assertThat(c.writeBufferSize()).isEqualTo(32L << 20);
        assertThat(c.backgroundNice()).isEqualTo(19);
    }

    @Test
    void everyKnobCanBeSetByNameAndRoundTripsThroughAsMap() {
        LightningDbConfig c = LightningDbConfig.builder()
                .set("pageSize", "16KiB").set("cacheSize", "128MB").set("walSyncMode", "sync")
                .set("walFlushInterval", "20ms").set("groupCommitMaxDelay", "500us").set("checkpointInterval", "5s")
                .set("verifyChecksumsOnRead", "off").set("maxKeySize", "2048").set("maxActiveTransactions", "7")
                .set("defaultIsolation", "SNAPSHOT").set("readOnly", "true").set("backgroundNice", "3").build();
        assertThat(c.pageSize()).isEqualTo(16384);
        assertThat(c.cacheSize()).isEqualTo(128L << 20);
        assertThat(c.walSyncMode()).isEqualTo(WalSyncMode.SYNC);
        assertThat(c.walFlushInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(c.groupCommitMaxDelay()).isEqualTo(Duration.ofNanos(500_000));
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.verifyChecksumsOnRead()).isFalse();
        assertThat(c.maxKeySize()).isEqualTo(2048);
        assertThat(c.maxActiveTransactions()).isEqualTo(7);
        assertThat(c.defaultIsolation()).isEqualTo(IsolationLevel.SNAPSHOT);
        assertThat(c.readOnly()).isTrue();
        assertThat(c.backgroundNice()).isEqualTo(3);
        LightningDbConfig copy = c.toBuilder().build();
        assertThat(copy.asMap()).isEqualTo(c.asMap());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pageSize|1000|pageSize", "pageSize|128KiB|pageSize", "pageSize|-5|pageSize", "pageSize||pageSize",
            "cacheSize|1KB|cacheSize", "cacheSize|lots|cacheSize", "cacheSize|99999999999999999999|cacheSize",
            "walSyncMode|SOMETIMES|walSyncMode", "walFlushInterval|0ms|walFlushInterval", "walFlushInterval|5 parsecs|walFlushInterval",
            "maxKeySize|8|maxKeySize", "maxActiveTransactions|0|maxActiveTransactions", "maxActiveTransactions|1.5|maxActiveTransactions",
            "verifyChecksumsOnRead|maybe|verifyChecksumsOnRead", "defaultIsolation|CHAOS|defaultIsolation",
            "backgroundNice|20|backgroundNice", "backgroundNice|-1|backgroundNice", "noSuchKnob|1|noSuchKnob"})
    void badValuesNameTheKnob(String knob, String value, String named) {
        assertThatThrownBy(() -> LightningDbConfig.builder().set(knob, value == null ? "" : value))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }

    @Test
    void dependentKnobsAreCheckedTogether() {
        assertThatThrownBy(() -> LightningDbConfig.builder().pageSize(4096).maxKeySize(2048).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKeySize").hasMessageContaining("pageSize");
        assertThatThrownBy(() -> LightningDbConfig.builder().pageSize(65536).cacheSize(512 * 1024).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheSize");
        assertThatThrownBy(() -> LightningDbConfig.builder().set(null, "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
