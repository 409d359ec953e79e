package dev.lightningdb.sql.plan;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Tells a {@link LightningTableScan} which of its columns are read: those of the Project directly
 * above it, or of a Project and the Filter between them (field trimming puts such a Project there).
 * The new scan is a different relation (its digest names the columns), read only by this Project and
 * Filter, so no other parent can see the columns it leaves null. An index holding every used column
 * then answers without fetching rows.
 */
final class UsedColumnsRule extends RelOptRule {
    static final UsedColumnsRule PROJECT = new UsedColumnsRule(false);
    static final UsedColumnsRule PROJECT_FILTER = new UsedColumnsRule(true);

    private final boolean withFilter;

    private UsedColumnsRule(boolean withFilter) {
        super(withFilter ? operand(Project.class, operand(Filter.class, operand(LightningTableScan.class, none())))
                : operand(Project.class, operand(LightningTableScan.class, none())),
                withFilter ? "LightningUsedColumns(Project, Filter)" : "LightningUsedColumns(Project)");
        this.withFilter = withFilter;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Project project = call.rel(0);
        Filter filter = withFilter ? call.rel(1) : null;
        LightningTableScan scan = call.rel(withFilter ? 2 : 1);
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
        if (filter != null) {
            used = used.union(RelOptUtil.InputFinder.bits(filter.getCondition()));
        }
        int width = scan.getRowType().getFieldCount();
        if (scan.usedColumns() != null || used.cardinality() == width) {
            return;
        }
        RelNode input = scan.withUsedColumns(used);
        if (filter != null) {
            input = filter.copy(filter.getTraitSet(), input, filter.getCondition());
        }
        call.transformTo(project.copy(project.getTraitSet(), input, project.getProjects(), project.getRowType()));
    }
}
