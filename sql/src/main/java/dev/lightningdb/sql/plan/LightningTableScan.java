package dev.lightningdb.sql.plan;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A scan of a LightningDB table in Calcite's Enumerable convention: compiled into the query's
 * generated code as a call of {@link LightningTable#scan}, so nothing is interpreted or compiled
 * again per execution. {@link #filters} are the conjuncts of the Filter directly above (which stays
 * in the plan); the scan uses them only to choose its {@link AccessPath}. {@link #usedColumns} are
 * the columns its parents read ({@link UsedColumnsRule}); the others may come back null, which lets
 * an index that holds every used column answer alone (index-only).
 */
public final class LightningTableScan extends TableScan implements EnumerableRel {
    private final LightningTable lightningTable;
    private final List<RexNode> filters;
    /** Whether this scan promises primary-key order (its trait set then holds that collation). */
    private final boolean keyOrder;
    /** The columns read above this scan; null when all are (or not known). */
    private final ImmutableBitSet usedColumns;

    LightningTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, LightningTable lightningTable,
                       List<RexNode> filters, boolean keyOrder, ImmutableBitSet usedColumns) {
        super(cluster, traits, List.of(), table);
        this.lightningTable = lightningTable;
        this.filters = List.copyOf(filters);
        this.keyOrder = keyOrder;
        this.usedColumns = usedColumns;
    }

    ImmutableBitSet usedColumns() {
        return usedColumns;
    }

    /** The same scan, promising only the columns in {@code used}; a parent must read no other column. */
    LightningTableScan withUsedColumns(ImmutableBitSet used) {
        return new LightningTableScan(getCluster(), getTraitSet(), getTable(), lightningTable, filters, keyOrder, used);
    }

    boolean keyOrder() {
        return keyOrder;
    }

    /** The same scan reading only primary-key paths, declaring their order (ascending key columns). */
    LightningTableScan ordered() {
        List<RelFieldCollation> fields = new java.util.ArrayList<>();
        for (int k : lightningTable.definition().primaryKey()) {
            // Key columns are never null; FIRST matches what ORDER BY asks for under this planner's NULL collation.
            fields.add(new RelFieldCollation(k, RelFieldCollation.Direction.ASCENDING, RelFieldCollation.NullDirection.FIRST));
        }
        RelTraitSet traits = getTraitSet().replace(RelCollations.of(fields));
        return new LightningTableScan(getCluster(), traits, getTable(), lightningTable, filters, true, usedColumns);
    }

    List<RexNode> filters() {
        return filters;
    }

    LightningTableScan withFilters(List<RexNode> conjuncts) {
        return new LightningTableScan(getCluster(), getTraitSet(), getTable(), lightningTable, conjuncts, keyOrder, usedColumns);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LightningTableScan(getCluster(), traitSet, getTable(), lightningTable, filters, keyOrder, usedColumns);
    }

    /** The access path as planned (parameters unknown); the scan decides again with their values. */
    AccessPath plannedPath() {
        var bounds = KeyRangeExtractor.bounds(lightningTable.definition(), filters, getCluster().getRexBuilder(), null);
        return AccessPath.choose(lightningTable.definition(), lightningTable.statistics(), bounds, keyOrder, usedColumns);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("filters", filters, !filters.isEmpty()).item("access", plannedPath().explain())
                .itemIf("order", "primary key", keyOrder).itemIf("columns", usedColumnNames(), usedColumns != null);
    }

    private List<String> usedColumnNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int c : usedColumns == null ? List.<Integer>of() : usedColumns) {
            names.add(getRowType().getFieldNames().get(c));
        }
        return names;
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.max(1, plannedPath().estimatedRows());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        AccessPath path = plannedPath();
        double rows = Math.max(1, path.estimatedRows());
        // Volcano compares costs by their row count alone: it carries the I/O, so that an index-only path
        // beats the same index with a row fetch per entry
        return planner.getCostFactory().makeCost(path.io(), rows, path.io());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression table = implementor.stash(lightningTable, LightningTable.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Expression conjuncts = implementor.stash(filters, (Class) List.class);
        Expression used = implementor.stash(usedColumns == null ? null : usedColumns.toArray(), int[].class);
        return implementor.result(physType, Blocks.toBlock(Expressions.call(table, "scan", DataContext.ROOT, conjuncts,
                Expressions.constant(keyOrder), used)));
    }
}
