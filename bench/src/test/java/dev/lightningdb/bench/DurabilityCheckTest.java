package dev.lightningdb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.bench.report.Measurement;
import dev.lightningdb.bench.report.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurabilityCheckTest {
    private static Row row(boolean lightning, int threads, double ops, double bytesPerCommit) {
        return Row.measured("durable", threads, lightning ? "LightningDB" : "Peer", lightning, "", "g",
                        new Measurement(ops, 1, 1, 1, bytesPerCommit), "")
                .claimingDurability();
    }

    @Test
    void aCommitThatWroteNothingIsNotDurableWhoeverClaimsIt() {
        Row r = DurabilityCheck.check(row(false, 1, 500, 0), 1000);
        assertThat(r.comparable()).isFalse();
        assertThat(r.note()).contains("not durable");
    }

    @Test
    void lightningFasterThanTheDiskIsMarkedNotComparable() {
        Row r = DurabilityCheck.check(row(true, 1, 100_000, Double.NaN), 1000);
        assertThat(r.comparable()).isFalse();
        assertThat(r.note()).contains("not a durable rate").contains("1000 fsyncs/s");
    }

    @Test
    void groupCommitMayReachThreadsTimesTheFsyncRate() {
        assertThat(DurabilityCheck.check(row(true, 32, 30_000, 4096), 1000).comparable()).isTrue();
        assertThat(DurabilityCheck.check(row(true, 8, 17_000, 4096), 1000).comparable()).isFalse();
    }

    @Test
    void aFailureAtOneThreadCountMarksTheOtherThreadCountsOfThatSetting() {
        List<Row> rows = DurabilityCheck.apply(List.of(row(true, 1, 100_000, 2000), row(true, 32, 10_000, 2000),
                row(false, 32, 10_000, 2000)), 1000);
        assertThat(rows.get(0).comparable()).isFalse();
        assertThat(rows.get(1).comparable()).isFalse();
        assertThat(rows.get(1).note()).contains("another thread count");
        assertThat(rows.get(2).comparable()).isTrue();
    }

    @Test
    void durableRowsShowBytesPerCommitAndOthersAreLeftAlone() {
        assertThat(DurabilityCheck.check(row(false, 1, 100_000, 4096), 1000).note()).isEqualTo("writes 4.00 KiB per commit");
        Row plain = Row.measured("get", 1, "x", true, "", "g", new Measurement(1e6, 1, 1, 1, 0), "");
        assertThat(DurabilityCheck.check(plain, 1000)).isEqualTo(plain);
    }
}
