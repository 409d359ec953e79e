package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.Statement.AlterAction;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.RowId;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ALTER TABLE t ADD PRIMARY KEY (c, ...)} on a table declared without one: the hidden row id
 * goes ({@link RowId}), the key columns become NOT NULL, and every row and index entry is written
 * again under its new key, in the statement's transaction (the schema change holds the table's lock
 * exclusively). A NULL (23502) or a duplicate key (23505) fails the statement before anything is
 * written. A table that has a primary key keeps it (42P16).
 */
final class PrimaryKeyAdder {
    private PrimaryKeyAdder() {
    }

    static TableDef add(StatementContext cx, Transaction txn, TableDef table, AlterAction.AddPrimaryKey add) {
        if (!table.hasRowId()) {
            throw new SqlError("42P16", "Table " + table.name().name() + " already has a primary key");
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns().subList(1, table.columns().size())); // positions shift by one
        int[] key = new int[add.columns().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = RowId.requireDeclared(table, add.columns().get(i)) - 1;
            ColumnDef c = columns.get(key[i]);
            if (!KeyCodec.supports(c.type())) {
                throw SqlError.unsupported("A primary key column of type " + c.type().sqlName() + " (column " + c.name() + ")");
            }
            columns.set(key[i], new ColumnDef(c.name(), c.type(), false, c.defaultSql()));
        }
        TableDef.Identity identity = table.identity() == null ? null
                : new TableDef.Identity(table.identity().column() - 1, table.identity().start(), table.identity().increment());
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef i : AlterColumnExecutor.renumbered(cx, table.indexes())) { // new entries end in the new keys
            indexes.add(new IndexDef(i.id(), i.name(), i.unique(), Arrays.stream(i.columns()).map(c -> c - 1).toArray(), i.constraint()));
        }
        TableDef after = table.withColumns(columns, key, identity, indexes);
        AlterColumnExecutor.rewriteWithKeys(txn, table, after, rows(txn, table, after));
        txn.delete(CatalogKeys.rowIdCounter(table.id()));
        cx.services().sequences().rowIds().forget(table.id());
        txn.delete(CatalogKeys.statistics(table.id())); // ANALYZE's values are by column position
        cx.changes().statistics(table.id(), null);
        return after;
    }

    /** The rows of {@code before} without their ids, checked for NULL in {@code after}'s key. */
    private static List<Object[]> rows(Transaction txn, TableDef before, TableDef after) {
        TableRows rows = new TableRows(before);
        List<Object[]> out = new ArrayList<>();
        try (Cursor c = txn.scan(rows.all())) {
            while (c.next()) {
                Object[] row = rows.decode(c.key(), c.value());
                Object[] without = Arrays.copyOfRange(row, 1, row.length);
                for (int k : after.primaryKey()) {
                    if (without[k] == null) {
                        throw new SqlError(SqlError.NOT_NULL_VIOLATION, "Column " + after.column(k).name() + " of table "
                                + before.name().name() + " contains NULL values: it cannot be part of the primary key");
                    }
                }
                out.add(without);
            }
        }
        return out;
    }
}
