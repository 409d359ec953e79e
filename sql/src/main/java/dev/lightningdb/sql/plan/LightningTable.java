package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.KeyRange;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableStats;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table as Calcite sees it: it becomes a {@link LightningTableScan}, whose generated code calls
 * {@link #scan} with the filter conjuncts above it. The scan picks an {@link AccessPath} from them,
 * their parameter values and the table's statistics: a primary-key range ({@link KeyRangeExtractor})
 * or a secondary-index lookup ({@link IndexScan}). Calcite still applies the whole filter above.
 * Calcite gets the analyzed row count through {@link #getStatistic()}.
 */
public final class LightningTable extends AbstractTable implements TranslatableTable {
    private final TableDef table;
    private final TableStats stats;

    LightningTable(TableDef table, TableStats stats) {
        this.table = table;
        this.stats = stats;
    }

    TableDef definition() {
        return table;
    }

    TableStats statistics() {
        return stats;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder b = factory.builder();
        for (ColumnDef c : table.columns()) {
            b.add(c.name(), c.type().toRelDataType(factory, c.nullable()));
        }
        return b.build();
    }

    /**
     * The analyzed row count. No unique keys are declared: once Calcite pushes a projection into the
     * scan, it checks declared keys against the projected column positions, and would wrongly drop
     * aggregates (GROUP BY a column it takes for the key).
     */
    @Override
    public Statistic getStatistic() {
        double rows = stats == null ? AccessPath.UNKNOWN_ROWS : Math.max(1, stats.rows());
        return Statistics.of(rows, List.of());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelOptCluster cluster = context.getCluster();
        return new LightningTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this, List.of(), false);
    }

    /**
     * Called by the generated code of a {@link LightningTableScan}: every column of the rows the
     * access path reads; in primary-key order when {@code keyOrder} (no index path then).
     */
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> conjuncts, boolean keyOrder) {
        ExecutionContext context = (ExecutionContext) root;
        TableRows rows = new TableRows(table);
        List<List<KeyRangeExtractor.Bound>> bounds = KeyRangeExtractor.bounds(table, conjuncts,
                new RexBuilder(context.getTypeFactory()), context);
        AccessPath path = AccessPath.choose(table, stats, bounds, keyOrder);
        Supplier<Cursor> open;
        if (path.index() != null) {
            KeyRange range = IndexScan.range(table, path, bounds);
            open = () -> IndexScan.rows(context.transaction(), table, path.index(), range);
        } else {
            KeyRange range = KeyRangeExtractor.extract(table, new ArrayList<>(conjuncts), bounds);
            open = () -> context.transaction().scan(range);
        }
        int[] columns = allColumns();
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new ScanEnumerator(context, rows, open, columns);
            }
        };
    }

    private int[] allColumns() {
        int[] all = new int[table.columns().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /** Walks the key range, decoding each entry into the projected columns. */
    private static final class ScanEnumerator implements Enumerator<Object[]> {
        private final ExecutionContext context;
        private final TableRows rows;
        private final Supplier<Cursor> open;
        private final int[] columns;
        private final boolean needsValue;
        private final Object[] full;
        private Cursor cursor;
        private Object[] current;

        ScanEnumerator(ExecutionContext context, TableRows rows, Supplier<Cursor> open, int[] columns) {
            this.context = context;
            this.rows = rows;
            this.open = open;
            this.columns = columns;
            this.full = new Object[rows.table().columns().size()];
            boolean value = false;
            int[] pk = rows.table().primaryKey();
            for (int c : columns) {
                boolean inKey = false;
                for (int k : pk) {
                    inKey |= k == c;
                }
                value |= !inKey;
            }
            this.needsValue = value;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            if (cursor == null) {
                cursor = open.get();
            }
            if (context.isCancelled()) {
                throw new dev.lightningdb.sql.SqlError(dev.lightningdb.sql.SqlError.CANCELLED, "Statement was cancelled");
            }
            if (!cursor.next()) {
                current = null;
                return false;
            }
            byte[] key = cursor.key();
            rows.decodeKey(key, full);
            if (needsValue) {
                rows.decodeValue(key, cursor.value(), full);
            }
            Object[] out = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                out[i] = full[columns[i]];
            }
            current = out;
            return true;
        }

        @Override
        public void reset() {
            close();
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }
}
