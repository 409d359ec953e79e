package dev.lightningdb.sql.plan;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;

/**
 * Gives a {@link LightningTableScan} the conjuncts of the Filter above it, so that the scan can read
 * a key range or an index instead of the whole table. The Filter stays: it is compiled code and
 * cheap, and the scan's range may be wider than the condition.
 */
final class FilterIntoScanRule extends RelOptRule {
    static final FilterIntoScanRule INSTANCE = new FilterIntoScanRule();

    private FilterIntoScanRule() {
        super(operand(Filter.class, operand(LightningTableScan.class, none())), "LightningFilterIntoScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        LightningTableScan scan = call.rel(1);
        if (!scan.filters().isEmpty()) {
            return;
        }
        LightningTableScan narrowed = scan.withFilters(RelOptUtil.conjunctions(filter.getCondition()));
        call.transformTo(filter.copy(filter.getTraitSet(), narrowed, filter.getCondition()));
    }
}
