package dev.lightningdb.sql.plan;

import org.apache.calcite.sql.SqlKind;

/**
 * One conjunct of a condition read as {@code column op value}, whatever tree it came from: the
 * neutral form in which both readers of conditions, the planner's filters ({@link KeyRangeExtractor},
 * on RexNode) and the executor's point lookup (on the parse tree), hand comparisons to
 * {@link KeyPrefix}. The recogniser looks into {@code value} only to pick the tightest of several
 * range bounds on one column; otherwise it is the adapter's own: an internal value (or
 * {@link KeyRangeExtractor#UNKNOWN} while planning) from a filter, the literal or parameter node from
 * a parse tree.
 *
 * @param column the compared column's position in the table
 * @param op the comparison with the column on the left: one of {@code = < <= > >=} ({@link KeyComparisons#bounds})
 * @param value the value the column is compared with
 * @param origin the conjunct or filter it came from, named by {@link KeyPrefix#enforced()}
 * @param exact whether the comparison is the whole of {@code origin}, so that enforcing it makes origin redundant
 */
public record KeyComparison(int column, SqlKind op, Object value, Object origin, boolean exact) {
}
