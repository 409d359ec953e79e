package dev.lightningdb.sql.plan;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.storage.TableWriter;

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
    static KeyRange range(TableDef table, AccessPath path, KeyComparisons bounds) {
        IndexDef index = path.index();
        KeyPrefix key = KeyPrefix.of(index.columns(), bounds);
        ByteWriter prefix = new ByteWriter(32).write(TableWriter.indexPrefix(table, index));
        for (int i = 0; i < key.equalities(); i++) {
            prefix.write(1);
            KeyCodec.encode(prefix, key.equality(i).value(), table.types()[index.columns()[i]]);
        }
        byte[] base = prefix.toByteArray();
        if (!key.hasRange()) {
            return KeyRange.prefix(base); // no range on the next column: its NULLs match too
        }
        return KeyRangeExtractor.range(base, new byte[] {1}, key, table.types()[key.nextColumn()]);
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
