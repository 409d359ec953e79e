package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.KeyRange;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.plan.KeyRangeExtractor.Bound;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.storage.TableWriter;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * The index entries an {@link AccessPath} reads: equalities on its leading columns, then at most one
 * range on the next column. The range only narrows the walk; Calcite still applies every filter.
 * {@link #rows} fetches the row each entry points at; an index-only path reads the entries alone
 * ({@link IndexEntries}).
 */
final class IndexScan {
    private IndexScan() {
    }

    /** The key range of index entries to walk, or null when no row can match. */
    static KeyRange range(TableDef table, AccessPath path, List<List<Bound>> bounds) {
        IndexDef index = path.index();
        ByteWriter prefix = new ByteWriter(32).write(TableWriter.indexPrefix(index));
        for (int i = 0; i < path.equalities(); i++) {
            int column = index.columns()[i];
            prefix.write(1);
            KeyCodec.encode(prefix, AccessPath.first(bounds.get(column), SqlKind.EQUALS).value(), table.types()[column]);
        }
        byte[] base = prefix.toByteArray();
        if (path.equalities() == index.columns().length || !AccessPath.hasRange(bounds.get(index.columns()[path.equalities()]))) {
            return KeyRange.prefix(base); // no range on the next column: its NULLs match too
        }
        int column = index.columns()[path.equalities()];
        ColumnType type = table.types()[column];
        byte[] lower = withValue(base, new byte[] {1}, null, type); // NULLs (00) sort first and never match a range
        byte[] upper = KeyRange.prefixEnd(base);
        for (Bound b : bounds.get(column)) {
            switch (b.op()) {
                case GREATER_THAN -> lower = KeyRange.prefixEnd(withValue(base, new byte[] {1}, b.value(), type));
                case GREATER_THAN_OR_EQUAL -> lower = withValue(base, new byte[] {1}, b.value(), type);
                case LESS_THAN -> upper = withValue(base, new byte[] {1}, b.value(), type);
                case LESS_THAN_OR_EQUAL -> upper = KeyRange.prefixEnd(withValue(base, new byte[] {1}, b.value(), type));
                default -> { }
            }
        }
        return KeyRange.between(lower, upper);
    }

    private static byte[] withValue(byte[] base, byte[] marker, Object value, ColumnType type) {
        ByteWriter w = new ByteWriter(base.length + 16).write(base).write(marker);
        if (value != null) {
            KeyCodec.encode(w, value, type);
        }
        return w.toByteArray();
    }

    /** A cursor over the rows that the index entries of {@code range} point at, in index order. */
    static Cursor rows(Transaction txn, TableDef table, IndexDef index, KeyRange range) {
        Cursor entries = txn.scan(range);
        return new Cursor() {
            private byte[] key;
            private byte[] value;

            @Override
            public boolean next() {
                while (entries.next()) {
                    byte[] entry = entries.key();
                    int pkStart = IndexEntries.primaryKeyOffset(table, index, entry);
                    ByteWriter k = new ByteWriter(entry.length).write(table.keyPrefix());
                    k.write(entry, pkStart, entry.length - pkStart);
                    key = k.toByteArray();
                    value = txn.get(key);
                    if (value != null) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public byte[] key() {
                return key;
            }

            @Override
            public byte[] value() {
                return value;
            }

            @Override
            public void close() {
                entries.close();
            }
        };
    }
}
