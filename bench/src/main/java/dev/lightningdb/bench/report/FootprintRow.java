package dev.lightningdb.bench.report;

import dev.lightningdb.bench.Footprint;
import java.util.ArrayList;
import java.util.List;

/** One system's load cost, or why it could not load. */
public record FootprintRow(String family, String system, String dataSet, Footprint footprint, String failure, String note) {
    public static final List<String> HEADER = List.of(
            "API", "System", "Data set", "Load rate", "Bytes on disk", "Write amp", "Peak heap", "Peak RSS", "Note");

    public static String render(List<FootprintRow> rows) {
        MarkdownTable t = new MarkdownTable(HEADER);
        for (FootprintRow r : rows) {
            List<String> c = new ArrayList<>(List.of(r.family(), r.system(), r.dataSet()));
            Footprint f = r.footprint();
            if (f == null) {
                int colon = r.failure().indexOf(": ");
                c.add(colon < 0 ? r.failure() : r.failure().substring(0, colon));
                String reason = colon < 0 ? "" : r.failure().substring(colon + 2);
                c.addAll(List.of("", "", "", "", r.note().isEmpty() ? reason : reason + "; " + r.note()));
            } else {
                c.add(Units.opsPerSec(f.entriesPerSec()) + "/s");
                c.add(Units.bytes(f.diskBytes()));
                c.add(f.writeBytes() < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", f.writeAmplification()));
                c.add(Units.bytes(f.peakHeap()));
                c.add(f.peakRss() < 0 ? "n/a" : Units.bytes(f.peakRss()));
                c.add(r.note());
            }
            t.add(c);
        }
        return t.render();
    }
}
