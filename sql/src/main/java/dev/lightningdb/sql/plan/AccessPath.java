package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TableStats;
import dev.lightningdb.sql.plan.KeyRangeExtractor.Bound;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.sql.SqlKind;

/**
 * How a table scan reads: a primary-key range (a full scan when nothing bounds the key) or a
 * secondary-index lookup, chosen by estimated cost from the table's statistics (ANALYZE). Reading a
 * row through an index costs a random lookup, so an index wins only when it selects few rows, unless
 * the index covers every column the query reads from the table: then the entries alone give the rows
 * (index-only, no lookup) and the index costs no more than a key range of as many rows.
 *
 * @param index the index to read, or null for the primary key
 * @param equalities how many leading index columns are fixed by equalities
 * @param estimatedRows the estimated rows the scan returns
 * @param indexOnly whether the rows come from the index entries alone (no row fetch)
 */
record AccessPath(IndexDef index, int equalities, double estimatedRows, String description, boolean indexOnly) {
    /** Rows assumed for a table never analyzed. */
    static final double UNKNOWN_ROWS = 1000;
    /** A row read through an index costs this many sequentially scanned rows. */
    private static final double RANDOM_READ_COST = 4;
    private static final double DEFAULT_EQUALITY = 0.1;
    private static final double DEFAULT_RANGE = 1.0 / 3;

    /**
     * {@code keyOrder}: only primary-key paths, which return rows in key order; {@code used}: the columns
     * the query reads (null: all).
     */
    static AccessPath choose(TableDef table, TableStats stats, List<List<Bound>> bounds, boolean keyOrder, ImmutableBitSet used) {
        double rows = stats == null ? UNKNOWN_ROWS : Math.max(1, stats.rows());
        double pkSelectivity = prefixSelectivity(table, stats, bounds, table.primaryKey());
        boolean fullKey = true;
        for (int k : table.primaryKey()) {
            fullKey &= first(bounds.get(k), SqlKind.EQUALS) != null;
        }
        double pkRows = fullKey ? 1 : rows * pkSelectivity;
        AccessPath best = new AccessPath(null, 0, pkRows, pkSelectivity >= 1 ? "full scan" : fullKey ? "primary key lookup"
                : "primary key range", false);
        double bestCost = pkRows;
        for (IndexDef index : keyOrder ? List.<IndexDef>of() : table.indexes()) {
            int equalities = 0;
            for (int c : index.columns()) {
                if (first(bounds.get(c), SqlKind.EQUALS) == null) {
                    break;
                }
                equalities++;
            }
            boolean range = equalities < index.columns().length && hasRange(bounds.get(index.columns()[equalities]));
            if (equalities == 0 && !range) {
                continue;
            }
            double selectivity = prefixSelectivity(table, stats, bounds, index.columns());
            double indexRows = index.unique() && equalities == index.columns().length ? 1 : rows * selectivity;
            boolean indexOnly = IndexEntries.covers(table, index, used);
            double cost = indexRows * (indexOnly ? 1 : RANDOM_READ_COST) + Math.log(rows + 1);
            if (cost < bestCost) {
                bestCost = cost;
                best = new AccessPath(index, equalities, indexRows, (indexOnly ? "index-only " : "index ") + index.name()
                        + (equalities > 0 ? " lookup" : " range"), indexOnly);
            }
        }
        return best;
    }

    /** Selectivity of the equalities on a left prefix of {@code columns}, then one range. */
    private static double prefixSelectivity(TableDef table, TableStats stats, List<List<Bound>> bounds, int[] columns) {
        double selectivity = 1;
        for (int c : columns) {
            List<Bound> b = bounds.get(c);
            TableStats.ColumnStats cs = stats == null ? null : stats.columns().get(c);
            Bound eq = first(b, SqlKind.EQUALS);
            if (eq != null) {
                selectivity *= equality(table, cs, stats, c, eq.value());
                continue;
            }
            if (hasRange(b)) {
                selectivity *= range(table, cs, stats, c, b);
            }
            break;
        }
        return selectivity;
    }

    private static double equality(TableDef table, TableStats.ColumnStats cs, TableStats stats, int column, Object value) {
        if (cs == null) {
            return DEFAULT_EQUALITY;
        }
        double perValue = cs.equalitySelectivity(stats.rows());
        byte[] v = value == KeyRangeExtractor.UNKNOWN ? null : TableStats.encodeValue(value, table.types()[column]);
        if (v == null || cs.bounds().isEmpty()) {
            return perValue;
        }
        // a value that fills many histogram buckets is frequent: the equi-depth bounds show its share
        int hits = 0;
        for (byte[] bound : cs.bounds()) {
            if (java.util.Arrays.equals(bound, v)) {
                hits++;
            }
        }
        double share = hits / (double) cs.bounds().size();
        return hits > 1 ? Math.max(share, perValue) : Math.min(perValue, 1.0 / cs.bounds().size());
    }

    private static double range(TableDef table, TableStats.ColumnStats cs, TableStats stats, int column, List<Bound> bounds) {
        if (cs == null) {
            return DEFAULT_RANGE;
        }
        byte[] lower = null;
        byte[] upper = null;
        for (Bound b : bounds) {
            byte[] v = b.value() == KeyRangeExtractor.UNKNOWN ? null : TableStats.encodeValue(b.value(), table.types()[column]);
            if (v == null) {
                return DEFAULT_RANGE;
            }
            switch (b.op()) {
                case GREATER_THAN, GREATER_THAN_OR_EQUAL -> lower = v;
                case LESS_THAN, LESS_THAN_OR_EQUAL -> upper = v;
                default -> { }
            }
        }
        return cs.rangeSelectivity(lower, upper, stats.rows());
    }

    static boolean hasRange(List<Bound> bounds) {
        for (Bound b : bounds) {
            if (b.op() != SqlKind.EQUALS) {
                return true;
            }
        }
        return false;
    }

    static Bound first(List<Bound> bounds, SqlKind op) {
        for (Bound b : bounds) {
            if (b.op() == op) {
                return b;
            }
        }
        return null;
    }

    /** The I/O of reading the path's rows, in sequentially read rows. */
    double io() {
        double rows = Math.max(1, estimatedRows);
        return index != null && !indexOnly ? rows * RANDOM_READ_COST : rows;
    }

    /** As EXPLAIN shows it. */
    String explain() {
        return description + ", estimated rows " + String.format(Locale.ROOT, "%.1f", estimatedRows);
    }
}
