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
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * A scan of a LightningDB table in Calcite's Enumerable convention: compiled into the query's
 * generated code as a call of {@link LightningTable#scan}, so nothing is interpreted or compiled
 * again per execution. {@link #filters} are the conjuncts of the Filter directly above (which stays
 * in the plan); the scan uses them only to choose its {@link AccessPath}.
 */
public final class LightningTableScan extends TableScan implements EnumerableRel {
    private final LightningTable lightningTable;
    private final List<RexNode> filters;

    LightningTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, LightningTable lightningTable,
                       List<RexNode> filters) {
        super(cluster, traits, List.of(), table);
        this.lightningTable = lightningTable;
        this.filters = List.copyOf(filters);
    }

    List<RexNode> filters() {
        return filters;
    }

    LightningTableScan withFilters(List<RexNode> conjuncts) {
        return new LightningTableScan(getCluster(), getTraitSet(), getTable(), lightningTable, conjuncts);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LightningTableScan(getCluster(), traitSet, getTable(), lightningTable, filters);
    }

    /** The access path as planned (parameters unknown); the scan decides again with their values. */
    AccessPath plannedPath() {
        var bounds = KeyRangeExtractor.bounds(lightningTable.definition(), filters, getCluster().getRexBuilder(), null);
        return AccessPath.choose(lightningTable.definition(), lightningTable.statistics(), bounds);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("filters", filters, !filters.isEmpty()).item("access", plannedPath().explain());
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.max(1, plannedPath().estimatedRows());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        AccessPath path = plannedPath();
        double rows = Math.max(1, path.estimatedRows());
        double io = path.index() != null ? rows * 4 : rows;
        return planner.getCostFactory().makeCost(rows, rows, io);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression table = implementor.stash(lightningTable, LightningTable.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Expression conjuncts = implementor.stash(filters, (Class) List.class);
        return implementor.result(physType, Blocks.toBlock(Expressions.call(table, "scan", DataContext.ROOT, conjuncts)));
    }
}
