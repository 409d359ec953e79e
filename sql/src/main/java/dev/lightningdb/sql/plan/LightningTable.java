package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TableStats;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A table as Calcite sees it: it becomes a {@link LightningTableScan}, whose generated code calls
 * {@link #scan} with the filter conjuncts above it. The scan picks an {@link AccessPath} from them,
 * their parameter values and the table's statistics: a primary-key range ({@link KeyRangeExtractor})
 * or a secondary-index lookup ({@link IndexScan}), which reads the index entries alone when they
 * hold every column the query uses ({@link IndexEntries}). Calcite still applies the whole filter above.
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
        return new LightningTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this, List.of(), false,
                null);
    }

    /**
     * Called by the generated code of a {@link LightningTableScan}: the rows the access path reads, in
     * primary-key order when {@code keyOrder} (no index path then). Each row has every column of the
     * table; only those in {@code used} (null: all) are sure to be filled, the others may be null.
     */
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> conjuncts, boolean keyOrder, int[] used) {
        ExecutionContext context = (ExecutionContext) root;
        context.reading(table.id());
        TableRows rows = new TableRows(table);
        KeyComparisons bounds = KeyRangeExtractor.bounds(table, conjuncts,
                new RexBuilder(context.getTypeFactory()), context);
        AccessPath path = AccessPath.choose(table, stats, bounds, keyOrder, used == null ? null : ImmutableBitSet.of(used));
        Supplier<Cursor> open;
        RowDecoder decoder;
        if (path.indexOnly()) {
            KeyRange range = IndexScan.range(table, path, bounds);
            open = () -> context.transaction().scan(range);
            decoder = (cursor, row) -> IndexEntries.decode(table, path.index(), cursor.key(), row);
        } else {
            if (path.index() != null) {
                KeyRange range = IndexScan.range(table, path, bounds);
                open = () -> IndexScan.rows(context.transaction(), table, path.index(), range);
            } else {
                KeyRange range = KeyRangeExtractor.extract(table, new ArrayList<>(conjuncts), bounds);
                open = () -> context.transaction().scan(range);
            }
            decoder = rowDecoder(rows, used);
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new ScanEnumerator(context, open, decoder, table.columns().size());
            }
        };
    }

    /** Fills a row from a cursor's current entry. */
    private interface RowDecoder {
        void decode(Cursor cursor, Object[] row);
    }

    /** Decodes table entries; skips the value when every used column is in the primary key. */
    private RowDecoder rowDecoder(TableRows rows, int[] used) {
        boolean keyOnly = used != null;
        for (int c : used == null ? new int[0] : used) {
            boolean inKey = false;
            for (int k : table.primaryKey()) {
                inKey |= k == c;
            }
            keyOnly &= inKey;
        }
        if (keyOnly) {
            return (cursor, row) -> rows.decodeKey(cursor.key(), row);
        }
        return (cursor, row) -> {
            rows.decodeKey(cursor.key(), row);
            rows.decodeValue(cursor.key(), cursor.value(), row);
        };
    }

    /** Walks the key range, decoding each entry into a row. */
    private static final class ScanEnumerator implements Enumerator<Object[]> {
        private final ExecutionContext context;
        private final Supplier<Cursor> open;
        private final RowDecoder decoder;
        private final int width;
        private Cursor cursor;
        private Object[] current;

        ScanEnumerator(ExecutionContext context, Supplier<Cursor> open, RowDecoder decoder, int width) {
            this.context = context;
            this.open = open;
            this.decoder = decoder;
            this.width = width;
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
                throw new dev.lightningdb.sql.result.SqlError(dev.lightningdb.sql.result.SqlError.CANCELLED, "Statement was cancelled");
            }
            if (!cursor.next()) {
                current = null;
                return false;
            }
            Object[] row = new Object[width];
            decoder.decode(cursor, row);
            current = row;
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
