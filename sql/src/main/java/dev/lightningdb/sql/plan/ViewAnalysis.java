package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.ColumnDef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * What a view's query answers and reads, found when the view is created.
 *
 * @param columns the result columns (names as the query gives them), all nullable
 * @param tables each table the query reads, views expanded, with the columns it uses of it
 * @param views the views the query names directly
 */
public record ViewAnalysis(List<ColumnDef> columns, Map<QualifiedName, Set<String>> tables, Set<QualifiedName> views) {

    /**
     * The tables {@code rel} scans and the columns it uses of each. Expects a plan whose unused fields
     * were trimmed: a scan right under a projection uses the projection's columns; any other scan (and
     * every scan inside a subquery expression) counts as using all its columns, which can only make a
     * later DROP COLUMN refuse more, never drop a column a view needs.
     */
    static Map<QualifiedName, Set<String>> tablesUsed(RelNode rel) {
        Map<QualifiedName, Set<String>> used = new HashMap<>();
        new Usage(used, false).go(rel);
        return used;
    }

    private static final class Usage extends RelVisitor {
        private final Map<QualifiedName, Set<String>> used;
        private final boolean allColumns;

        Usage(Map<QualifiedName, Set<String>> used, boolean allColumns) {
            this.used = used;
            this.allColumns = allColumns;
        }

        @Override
        public void visit(RelNode node, int ordinal, RelNode parent) {
            if (node instanceof TableScan scan && scan.getTable().unwrap(LightningTable.class) != null) {
                List<String> name = scan.getTable().getQualifiedName();
                Set<String> columns = used.computeIfAbsent(new QualifiedName(name.get(name.size() - 2), name.get(name.size() - 1)),
                        k -> new HashSet<>());
                List<RelDataTypeField> fields = scan.getRowType().getFieldList();
                if (!allColumns && parent instanceof Project p) {
                    RelOptUtil.InputFinder.bits(p.getProjects(), null).forEach(i -> columns.add(fields.get(i).getName()));
                } else {
                    fields.forEach(f -> columns.add(f.getName()));
                }
            }
            node.accept(new RexShuttle() {
                @Override
                public RexNode visitSubQuery(RexSubQuery subQuery) {
                    new Usage(used, true).go(subQuery.rel);
                    return subQuery;
                }
            });
            super.visit(node, ordinal, parent);
        }
    }
}
