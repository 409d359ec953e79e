package dev.lightningdb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;

/**
 * Adds to Calcite's plan text what only LightningDB knows: each table scan's access path (full scan,
 * primary-key range or index lookup) and its estimated rows, from the same decision the scan makes
 * when it runs (parameters, unknown while planning, count as "some value").
 */
final class ExplainAnnotator {
    private static final String SCAN = "BindableTableScan(";

    private ExplainAnnotator() {
    }

    static String annotate(RelNode plan, String text, RexBuilder rexBuilder) {
        List<String> notes = new ArrayList<>();
        collect(plan, rexBuilder, notes);
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (String line : text.split("\n")) {
            out.append(line);
            if (line.contains(SCAN) && next < notes.size()) {
                out.append(": ").append(notes.get(next++));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Notes in the order the plan text prints nodes: a node, then its inputs. */
    private static void collect(RelNode node, RexBuilder rexBuilder, List<String> notes) {
        if (node instanceof Bindables.BindableTableScan scan) {
            LightningTable table = scan.getTable().unwrap(LightningTable.class);
            if (table != null) {
                var bounds = KeyRangeExtractor.bounds(table.definition(), new ArrayList<>(scan.filters), rexBuilder, null);
                notes.add(AccessPath.choose(table.definition(), table.statistics(), bounds).explain());
            } else {
                notes.add("");
            }
        }
        for (RelNode input : node.getInputs()) {
            collect(input, rexBuilder, notes);
        }
    }
}
