package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TableStats;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.util.ImmutableBitSet;

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
    static AccessPath choose(TableDef table, TableStats stats, KeyComparisons bounds, boolean keyOrder, ImmutableBitSet used) {
        double rows = stats == null ? UNKNOWN_ROWS : Math.max(1, stats.rows());
        KeyPrefix pk = KeyPrefix.of(table.primaryKey(), bounds);
        double pkSelectivity = prefixSelectivity(table, stats, bounds, pk);
        boolean fullKey = pk.isFull();
        double pkRows = fullKey ? 1 : rows * pkSelectivity;
        AccessPath best = new AccessPath(null, 0, pkRows, pkSelectivity >= 1 ? "full scan" : fullKey ? "primary key lookup"
                : "primary key range", false);
        double bestCost = pkRows;
        for (IndexDef index : keyOrder ? List.<IndexDef>of() : table.indexes()) {
            KeyPrefix key = KeyPrefix.of(index.columns(), bounds);
            int equalities = key.equalities();
            if (equalities == 0 && !key.hasRange()) {
                continue;
            }
            double selectivity = prefixSelectivity(table, stats, bounds, key);
            double indexRows = index.unique() && key.isFull() ? 1 : rows * selectivity;
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

    /** Selectivity of the equalities on the key's left prefix, then one range. */
    private static double prefixSelectivity(TableDef table, TableStats stats, KeyComparisons bounds, KeyPrefix key) {
        double selectivity = 1;
        for (int i = 0; i < key.equalities(); i++) {
            KeyComparison eq = key.equality(i);
            selectivity *= equality(table, columnStats(stats, eq.column()), stats, eq.column(), eq.value());
        }
        if (key.hasRange()) {
            int c = key.nextColumn();
            selectivity *= range(table, columnStats(stats, c), stats, c, bounds.of(c));
        }
        return selectivity;
    }

    private static TableStats.ColumnStats columnStats(TableStats stats, int column) {
        return stats == null ? null : stats.columns().get(column);
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

    private static double range(TableDef table, TableStats.ColumnStats cs, TableStats stats, int column, List<KeyComparison> bounds) {
        if (cs == null) {
            return DEFAULT_RANGE;
        }
        byte[] lower = null;
        byte[] upper = null;
        for (KeyComparison b : bounds) {
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
