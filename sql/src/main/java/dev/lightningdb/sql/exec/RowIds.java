package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the hidden row ids of tables without a primary key ({@link dev.lightningdb.sql.catalog.RowId}).
 * Each table has an allocator in memory that takes ids from a block reserved ahead: reserving writes
 * the block's highest id to the table's counter key in a transaction of its own, once per
 * {@value #BLOCK} ids. So inserting transactions share no key and no lock (they never wait for one
 * another's commit), and the counter is written once per block, not per row. Invariants:
 * <ol>
 *   <li>An id is handed out at most once while the database is open, and is at most the reserved
 *       highest id, which is committed before the id is handed out.
 *   <li>After a restart (or a crash) ids continue after the reserved highest id, and after the highest
 *       id of a committed row. The counter's commit precedes in the log every commit of a row with an
 *       id of its block, so a row that survived a crash has its counter too; the row scan covers a
 *       counter lost any other way. Ids of rolled-back inserts and of a block not used up are skipped,
 *       never reused: there can be gaps.
 * </ol>
 * A temporary table's ids are counted in memory only (its rows never reach the WAL, nor may its
 * counter). One instance per database; thread-safe (one lock per table).
 */
final class RowIds {
    static final int BLOCK = 1024;

    private final LightningDb engine;
    private final ConcurrentHashMap<Integer, Allocator> tables = new ConcurrentHashMap<>();

    RowIds(LightningDb engine) {
        this.engine = engine;
    }

    /** A fresh id for a new row of {@code table}. */
    long next(TableDef table) {
        return tables.computeIfAbsent(table.id(), id -> new Allocator(id)).next(table);
    }

    /** Forgets the allocator of a dropped table (it reloads from the stored counter if the drop rolls back). */
    void forget(int tableId) {
        tables.remove(tableId);
    }

    private final class Allocator {
        private final byte[] counterKey;
        private long last = -1; // the last id handed out; -1 until loaded
        private long reserved;

        Allocator(int tableId) {
            this.counterKey = CatalogKeys.rowIdCounter(tableId);
        }

        synchronized long next(TableDef table) {
            if (table.temporary() != null) { // rows that never reach the WAL need no counter there: ids count from 1 in memory
                last = Math.max(last, 0);
                reserved = Long.MAX_VALUE;
            }
            if (last < 0) {
                byte[] stored = engine.get(counterKey);
                reserved = stored == null ? 0 : new ByteReader(stored).readLongBE();
                last = Math.max(reserved, highestStored(table));
            }
            if (last == Long.MAX_VALUE) {
                throw new SqlError("2200H", "Table " + table.name().name() + " has used up its row ids");
            }
            long id = last + 1;
            if (id > reserved) {
                long upTo = id > Long.MAX_VALUE - BLOCK ? Long.MAX_VALUE : id + BLOCK - 1;
                engine.put(counterKey, new ByteWriter(8).writeLongBE(upTo).toByteArray());
                reserved = upTo;
            }
            last = id;
            return id;
        }

        /** The id of the table's last committed row, or 0. */
        private long highestStored(TableDef table) {
            TableRows rows = new TableRows(table);
            try (Cursor c = engine.scan(rows.all(), true)) {
                if (!c.next()) {
                    return 0;
                }
                Object[] row = new Object[table.columns().size()];
                rows.decodeKey(c.key(), row);
                return (Long) row[0];
            }
        }
    }
}
