package dev.lightningdb.sql.plan;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;

/**
 * Offers, beside every {@link LightningTableScan}, the variant that reads only primary-key paths
 * and so returns rows in key order, with that collation in its traits: a Sort on the key (ORDER BY
 * the primary key) is then satisfied without sorting, and the planner picks by cost between an
 * index path plus a sort and the ordered key path.
 */
final class OrderedScanRule extends RelOptRule {
    static final OrderedScanRule INSTANCE = new OrderedScanRule();

    private OrderedScanRule() {
        super(operand(LightningTableScan.class, none()), "LightningOrderedScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LightningTableScan scan = call.rel(0);
        if (!scan.keyOrder()) {
            call.transformTo(scan.ordered());
        }
    }
}
