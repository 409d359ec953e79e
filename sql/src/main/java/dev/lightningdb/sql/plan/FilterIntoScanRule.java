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
        // A filter keeps its input's order: over the ordered scan it declares the key collation too,
        // so that an ORDER BY on the key above it needs no sort.
        org.apache.calcite.plan.RelTraitSet traits = scan.keyOrder()
                ? filter.getTraitSet().replace((org.apache.calcite.plan.RelTrait) scan.getTraitSet().getCollation()) : filter.getTraitSet();
        call.transformTo(filter.copy(traits, narrowed, filter.getCondition()));
    }
}
