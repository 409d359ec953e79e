package dev.lightningdb.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns result rows into the workload table: throughput, latency percentiles, and LightningDB's
 * throughput divided by each system's (above 1: LightningDB is faster) within each comparison group.
 */
public final class ResultTable {
    public static final List<String> HEADER = List.of(
            "Workload", "Thr", "System", "Settings", "ops/s", "p50", "p99", "LightningDB ÷ this", "Note");

    private ResultTable() {
    }

    /**
     * LightningDB's throughput in each group that has a measured LightningDB row; NaN where that
     * row is not comparable with its peers.
     */
    static Map<String, Double> lightningByGroup(List<Row> rows) {
        Map<String, Double> m = new HashMap<>();
        for (Row r : rows) {
            if (r.lightning() && r.measurement() != null) {
                m.put(r.group(), r.comparable() ? r.measurement().opsPerSec() : Double.NaN);
            }
        }
        return m;
    }

    /**
     * The ratio cell of {@code r}: "—" for LightningDB itself and wherever a side has no number,
     * "not comparable" where either side is (e.g. a peer that lost updates).
     */
    static String ratioCell(Row r, Map<String, Double> lightning) {
        Double l = lightning.get(r.group());
        if (r.lightning() || l == null || r.measurement() == null || r.measurement().opsPerSec() <= 0) {
            return "—";
        }
        if (l.isNaN() || !r.comparable()) {
            return "not comparable";
        }
        return Units.ratio(l / r.measurement().opsPerSec());
    }

    /** The row's note, preceded by the reason when it has no numbers. */
    static String note(Row r) {
        if (r.measurement() != null || r.outcome().indexOf(": ") < 0) {
            return r.note();
        }
        String reason = r.outcome().substring(r.outcome().indexOf(": ") + 2);
        return r.note().isEmpty() ? reason : reason + "; " + r.note();
    }

    public static String render(List<Row> rows) {
        Map<String, Double> lightning = lightningByGroup(rows);
        MarkdownTable t = new MarkdownTable(HEADER);
        String previous = null;
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            String workload = r.workload().equals(previous) ? "" : r.workload();
            previous = r.workload();
            cells.add(workload);
            cells.add(Integer.toString(r.threads()));
            cells.add(r.system());
            cells.add(r.settings());
            if (r.measurement() != null) {
                Measurement m = r.measurement();
                cells.add(Units.opsPerSec(m.opsPerSec()));
                cells.add(Units.nanos(m.p50Nanos()));
                cells.add(Units.nanos(m.p99Nanos()));
            } else {
                // "not supported yet: <reason>": the status in the ops/s column, the reason as a note.
                int colon = r.outcome().indexOf(": ");
                cells.add(colon < 0 ? r.outcome() : r.outcome().substring(0, colon));
                cells.add("");
                cells.add("");
            }
            cells.add(ratioCell(r, lightning));
            cells.add(note(r));
            t.add(cells);
        }
        return t.render();
    }
}
