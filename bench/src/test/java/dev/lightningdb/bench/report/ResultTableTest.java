package dev.lightningdb.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static Row row(String system, boolean lightning, String group, double ops) {
        return Row.measured("get", 1, system, lightning, "", group, new Measurement(ops, 1000, 5000, 10), "");
    }

    @Test
    void ratioIsLightningThroughputOverPeerThroughputWithinTheGroup() {
        List<Row> rows = List.of(row("LightningDB", true, "g", 300), row("Peer", false, "g", 100),
                row("Other", false, "h", 100));
        var lightning = ResultTable.lightningByGroup(rows);
        assertThat(ResultTable.ratioCell(rows.get(1), lightning)).isEqualTo("3.00x");
        assertThat(ResultTable.ratioCell(rows.get(0), lightning)).isEqualTo("—");
        assertThat(ResultTable.ratioCell(rows.get(2), lightning)).as("no LightningDB row in group h").isEqualTo("—");
    }

    @Test
    void missingLightningRowKeepsItsReasonAndPeersHaveNoRatio() {
        List<Row> rows = List.of(
                Row.missing("insert", 1, "LightningDB", true, "", "g", Row.failure(true, "no driver"), ""),
                row("H2", false, "g", 100));
        String table = ResultTable.render(rows);
        assertThat(table).contains("| not supported yet |").contains("| no driver |");
        assertThat(ResultTable.ratioCell(rows.get(1), ResultTable.lightningByGroup(rows))).isEqualTo("—");
    }

    @Test
    void notComparableLightningRowGivesNoRatios() {
        List<Row> rows = List.of(row("LightningDB", true, "g", 300).notComparable("why"), row("Peer", false, "g", 100));
        assertThat(ResultTable.ratioCell(rows.get(1), ResultTable.lightningByGroup(rows))).isEqualTo("not comparable");
    }

    @Test
    void tableIsPaddedMarkdownAndEscapesPipes() {
        String t = new MarkdownTable(List.of("a", "b")).add(List.of("x|y", "long cell")).render();
        String[] lines = t.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].length()).isEqualTo(lines[1].length()).isEqualTo(lines[2].length());
        assertThat(lines[1]).startsWith("| ---");
        assertThat(lines[2]).contains("x\\|y");
    }

    @Test
    void unitsUseThreeSignificantDigits() {
        assertThat(Units.opsPerSec(1_234_567)).isEqualTo("1.23 M");
        assertThat(Units.opsPerSec(45_678)).isEqualTo("45.7 k");
        assertThat(Units.opsPerSec(321.4)).isEqualTo("321");
        assertThat(Units.nanos(850)).isEqualTo("850 ns");
        assertThat(Units.nanos(12_345)).isEqualTo("12.3 µs");
        assertThat(Units.nanos(2_500_000)).isEqualTo("2.50 ms");
        assertThat(Units.bytes(3L << 20)).isEqualTo("3.00 MiB");
        assertThat(Units.ratio(0.5)).isEqualTo("0.50x");
        assertThat(Units.ratio(25)).isEqualTo("25x");
    }

    @Test
    void throughputFromSampleTimeCountsEveryThread() {
        Measurement m = Measurement.fromSampleTime(1_000_000, 900_000, 2_000_000, 100, 8);
        assertThat(m.opsPerSec()).isEqualTo(8000.0);
    }
}
