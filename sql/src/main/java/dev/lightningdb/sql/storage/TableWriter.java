package dev.lightningdb.sql.storage;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a table's rows together with their secondary index entries, and checks unique indexes.
 * One instance per statement. Invariant: after every method, each stored row has exactly one entry
 * in each index of the table, and each index entry belongs to a stored row.
 *
 * <p>Unique checks follow PostgreSQL's immediate rule, row by row, except that values a statement
 * moves away from ({@link #release}) may be taken by another row of the same statement.
 *
 * <p>Under concurrency a unique value is locked, not only its index entries (which differ by
 * primary key, so two rows with one value never write the same key): a statement that takes,
 * gives up or deletes a value first locks the value's index prefix. A second transaction with the
 * same value waits for the first, then checks the newest committed state: the value is taken
 * (23505) if the first committed it, free if the first rolled back or moved away from it.
 */
public final class TableWriter {
    private final TableDef table;
    private final Transaction txn;
    private final TableRows rows;
    /** The unique prefixes this statement's rows take, each with the key of the row that takes it. */
    private final Map<ByteBuffer, byte[]> claimed = new HashMap<>();
    private final Set<ByteBuffer> released = new HashSet<>();
    private static final byte[] EMPTY = new byte[0];

    public TableWriter(TableDef table, Transaction txn) {
        this.table = table;
        this.txn = txn;
        this.rows = new TableRows(table);
    }

    public TableRows rows() {
        return rows;
    }

    /** Records that this statement removes or changes {@code oldRow}, freeing (and locking) its unique values. */
    public void release(Object[] oldRow) {
        for (IndexDef i : table.indexes()) {
            if (i.unique()) {
                byte[] prefix = uniquePrefix(i, oldRow);
                if (prefix != null) {
                    txn.lock(prefix, LockMode.EXCLUSIVE, LockWait.WAIT);
                    released.add(ByteBuffer.wrap(prefix));
                }
            }
        }
    }

    /**
     * Checks that {@code row} (stored under {@code key}) breaks no unique index; call before writing
     * anything. Each value is locked first and checked against the newest committed state (see the
     * class comment).
     */
    public void checkUnique(byte[] key, Object[] row) {
        checkUnique(key, row, true);
    }

    private void checkUnique(byte[] key, Object[] row, boolean lock) {
        for (IndexDef i : table.indexes()) {
            if (!i.unique()) {
                continue;
            }
            byte[] prefix = uniquePrefix(i, row);
            if (prefix == null) {
                continue; // NULLs never conflict
            }
            ByteBuffer p = ByteBuffer.wrap(prefix);
            if (claimed.putIfAbsent(p, key) != null) {
                throw violation(i, row);
            }
            if (released.contains(p)) {
                continue;
            }
            byte[] ownKeySuffix = Arrays.copyOfRange(key, table.keyPrefixLength(), key.length);
            KeyRange holders = KeyRange.prefix(prefix);
            if (lock) {
                txn.lock(prefix, LockMode.EXCLUSIVE, LockWait.WAIT); // before the check: a commit between the two must not go unseen
            }
            try (Cursor c = lock ? txn.scanLatest(holders) : txn.scan(holders)) {
                while (c.next()) {
                    byte[] entry = c.key();
                    byte[] pk = Arrays.copyOfRange(entry, prefix.length, entry.length);
                    if (!Arrays.equals(pk, ownKeySuffix)) {
                        throw violation(i, row);
                    }
                }
            }
        }
    }

    /**
     * The key of the row that already holds one of {@code row}'s unique values (a stored row, newest
     * committed or this transaction's, or a row this statement takes it for), or null: the conflict of
     * an {@code ON CONFLICT} on a table keyed by a hidden row id. Each value is locked first, as in
     * {@link #checkUnique}.
     */
    public byte[] uniqueHolder(Object[] row) {
        for (IndexDef i : table.indexes()) {
            byte[] prefix = i.unique() ? uniquePrefix(i, row) : null;
            if (prefix == null) {
                continue;
            }
            ByteBuffer p = ByteBuffer.wrap(prefix);
            if (claimed.containsKey(p)) {
                return claimed.get(p);
            }
            if (released.contains(p)) {
                continue;
            }
            txn.lock(prefix, LockMode.EXCLUSIVE, LockWait.WAIT);
            try (Cursor c = txn.scanLatest(KeyRange.prefix(prefix))) {
                if (c.next()) {
                    byte[] entry = c.key();
                    ByteWriter key = new ByteWriter(entry.length);
                    table.writeKeyPrefix(key);
                    return key.write(entry, prefix.length, entry.length - prefix.length).toByteArray();
                }
            }
        }
        return null;
    }

    /** Stores {@code row} under {@code key}, replacing the index entries of {@code previous} (null for a new row). */
    public void write(byte[] key, Object[] row, Object[] previous) {
        txn.put(key, rows.value(row));
        if (previous != null) {
            removeEntries(key, previous);
        }
        for (IndexDef i : table.indexes()) {
            txn.putCovered(key, entryKey(i, row, key), EMPTY); // the row's lock covers its index entries
        }
    }

    /**
     * Deletes the row stored under {@code key} and its index entries; {@code previous} (the row's
     * newest version, read under its lock) may be null, then it is read.
     */
    public boolean delete(byte[] key, Object[] previous) {
        Object[] old = previous;
        if (old == null && !table.indexes().isEmpty()) {
            byte[] value = txn.getForUpdate(key);
            if (value == null) {
                return false;
            }
            old = rows.decode(key, value);
        }
        txn.delete(key);
        if (old != null) {
            release(old); // a transaction inserting one of its unique values waits for this delete
            removeEntries(key, old);
        }
        return true;
    }

    /** The table's lock, which a schema change holds exclusively and which then covers every entry of its indexes. */
    private byte[] tableLock() {
        return dev.lightningdb.sql.catalog.CatalogKeys.tableLock(table.id());
    }

    /**
     * Adds the entries of index {@code index} for every stored row (CREATE INDEX on a filled table;
     * the table lock held). Every row is checked before any entry is written, so a duplicate
     * leaves the transaction as it was.
     */
    public long backfill(IndexDef index) {
        List<byte[]> entries = new ArrayList<>();
        try (Cursor c = txn.scan(rows.all())) {
            while (c.next()) {
                byte[] key = c.key();
                Object[] row = rows.decode(key, c.value());
                if (index.unique()) {
                    checkUnique(key, row, false); // the table's rows as this transaction sees them; a new index has no entries yet
                }
                entries.add(entryKey(index, row, key));
            }
        }
        for (byte[] entry : entries) {
            txn.putCovered(tableLock(), entry, EMPTY);
        }
        return entries.size();
    }

    /** Deletes every entry of {@code index} (DROP INDEX, DROP TABLE; the table lock held). */
    public void dropEntries(IndexDef index) {
        List<byte[]> keys = new ArrayList<>();
        try (Cursor c = txn.scan(KeyRange.prefix(indexPrefix(table, index)))) {
            while (c.next()) {
                keys.add(c.key());
            }
        }
        for (byte[] k : keys) {
            txn.putCovered(tableLock(), k, null);
        }
    }

    /** Deletes the index entries of {@code old}, stored under {@code key}, whose lock this transaction holds. */
    private void removeEntries(byte[] key, Object[] old) {
        for (IndexDef i : table.indexes()) {
            txn.putCovered(key, entryKey(i, old, key), null);
        }
    }

    /** The prefix of every entry of {@code index} of {@code table}. */
    public static byte[] indexPrefix(TableDef table, IndexDef index) {
        return new ByteWriter(5).write(indexData(table)).writeIntBE(index.id()).toByteArray();
    }

    /** The first byte of {@code table}'s index entries: a temporary table's go to the session's own database. */
    private static byte indexData(TableDef table) {
        return table.temporary() == null ? IndexDef.INDEX_DATA : IndexDef.TEMPORARY_INDEX_DATA;
    }

    /** Index prefix ‖ indexed columns (00 for NULL, 01 + value) — the part equal rows share. */
    private byte[] columnsPrefix(IndexDef index, Object[] row, ByteWriter w) {
        return leadingPrefix(table, index, row, index.columns().length, w);
    }

    /**
     * Index prefix ‖ the first {@code count} indexed columns of {@code row}: the key range of the
     * entries whose leading columns hold those values (a foreign key finds referencing rows so).
     */
    public static byte[] leadingPrefix(TableDef table, IndexDef index, Object[] row, int count, ByteWriter w) {
        ColumnType[] types = table.types();
        w.write(indexData(table)).writeIntBE(index.id());
        for (int i = 0; i < count; i++) {
            int c = index.columns()[i];
            if (row[c] == null) {
                w.write(0);
            } else {
                w.write(1);
                KeyCodec.encode(w, row[c], types[c]);
            }
        }
        return w.toByteArray();
    }

    /** The unique prefix of {@code row} in {@code index}, or null when a column is NULL. */
    public byte[] uniquePrefix(IndexDef index, Object[] row) {
        for (int c : index.columns()) {
            if (row[c] == null) {
                return null;
            }
        }
        return columnsPrefix(index, row, new ByteWriter(32));
    }

    private byte[] entryKey(IndexDef index, Object[] row, byte[] key) {
        ByteWriter w = new ByteWriter(64);
        columnsPrefix(index, row, w);
        w.write(key, table.keyPrefixLength(), key.length - table.keyPrefixLength());
        return w.toByteArray();
    }

    private SqlError violation(IndexDef index, Object[] row) {
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (int c : index.columns()) {
            cols.append(cols.length() == 0 ? "" : ", ").append(table.column(c).name());
            vals.append(vals.length() == 0 ? "" : ", ").append(ValueCoercion.toExternal(row[c], table.types()[c]));
        }
        return new SqlError(SqlError.UNIQUE_VIOLATION, "Unique index or constraint " + index.name() + " violated: (" + cols + ")=("
                + vals + ") already exists in table " + table.name());
    }
}
