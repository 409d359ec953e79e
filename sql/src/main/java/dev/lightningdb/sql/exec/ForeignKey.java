package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.plan.IndexEntries;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A foreign key resolved against the catalog: the referencing (child) columns, the referenced
 * (parent) columns, and how each side is found. Column {@code childColumns[i]} references
 * {@code parentColumns[i]}.
 *
 * <p>The parent key is found by the parent's primary key or by the unique index over the referenced
 * columns ({@code parentIndex}); its lock key — the row's key, or the unique value's index prefix,
 * which every writer that deletes or changes the value locks exclusively — is what a child write
 * locks shared while it checks that the parent exists, so a concurrent delete of the parent waits
 * or is waited for. Referencing rows are found through {@code childIndex} (an index whose leading
 * columns are the referencing ones), through the child's primary key when it starts with them, or
 * by a scan of the child table.
 */
record ForeignKey(ConstraintDef constraint, TableDef child, int[] childColumns, TableDef parent, int[] parentColumns,
                  IndexDef parentIndex, boolean parentByKey, IndexDef childIndex, boolean childByKey) {
    static final String VIOLATION = "23503";

    /**
     * {@code c} of table {@code child} resolved in {@code view}; null when its parent table or one of
     * its columns no longer exists (a definition recorded before foreign keys were enforced).
     */
    static ForeignKey resolve(CatalogView view, TableDef child, ConstraintDef c) {
        TableDef parent = c.references().equals(child.name()) ? child : view.table(c.references());
        if (parent == null) {
            return null;
        }
        int[] childColumns = c.columns().stream().mapToInt(child::columnIndex).toArray();
        int[] parentColumns = c.referencedColumns().isEmpty() ? parent.primaryKey()
                : c.referencedColumns().stream().mapToInt(parent::columnIndex).toArray();
        if (childColumns.length != parentColumns.length || Arrays.stream(childColumns).anyMatch(i -> i < 0)
                || Arrays.stream(parentColumns).anyMatch(i -> i < 0)) {
            return null;
        }
        boolean parentByKey = sameSet(parentColumns, parent.primaryKey());
        IndexDef parentIndex = parentByKey ? null : uniqueIndexOn(parent, parentColumns);
        IndexDef childIndex = null;
        boolean childByKey = leadingSet(child.primaryKey(), childColumns);
        if (!childByKey) {
            for (IndexDef i : child.indexes()) {
                if (leadingSet(i.columns(), childColumns)) {
                    childIndex = i;
                    break;
                }
            }
        }
        return new ForeignKey(c, child, childColumns, parent, parentColumns, parentIndex, parentByKey, childIndex, childByKey);
    }

    /** The unique index of {@code table} over exactly {@code columns} (in any order), or null. */
    static IndexDef uniqueIndexOn(TableDef table, int[] columns) {
        for (IndexDef i : table.indexes()) {
            if (i.unique() && sameSet(i.columns(), columns)) {
                return i;
            }
        }
        return null;
    }

    static boolean sameSet(int[] a, int[] b) {
        return a.length == b.length && leadingSet(a, b);
    }

    /** Whether the first {@code wanted.length} of {@code columns} are {@code wanted}, in any order. */
    static boolean leadingSet(int[] columns, int[] wanted) {
        if (columns.length < wanted.length) {
            return false;
        }
        int[] lead = Arrays.copyOf(columns, wanted.length);
        int[] w = wanted.clone();
        Arrays.sort(lead);
        Arrays.sort(w);
        return Arrays.equals(lead, w);
    }

    /** Whether a child row references nothing: MATCH SIMPLE, any NULL referencing column. */
    boolean referencesNothing(Object[] childRow) {
        for (int c : childColumns) {
            if (childRow[c] == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether the referencing columns of two versions of a child row are the same. */
    boolean sameReference(Object[] a, Object[] b) {
        return Arrays.equals(encode(child, a, childColumns), encode(child, b, childColumns));
    }

    /** Whether the referenced columns of two versions of a parent row are the same. */
    boolean sameReferencedKey(Object[] a, Object[] b) {
        return Arrays.equals(encode(parent, a, parentColumns), encode(parent, b, parentColumns));
    }

    /** Whether a parent row's referenced key has a NULL (then nothing can reference it). */
    boolean nullReferencedKey(Object[] parentRow) {
        for (int c : parentColumns) {
            if (parentRow[c] == null) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the parent side

    /** A parent-shaped row holding the values {@code childRow} references; null when no parent value can equal them. */
    Object[] parentKeyOf(Object[] childRow) {
        return convert(childRow, child, childColumns, parent, parentColumns);
    }

    /** A child-shaped row holding {@code parentRow}'s referenced key in the referencing columns; null if none can hold it. */
    Object[] childKeyOf(Object[] parentRow) {
        return convert(parentRow, parent, parentColumns, child, childColumns);
    }

    private static Object[] convert(Object[] from, TableDef fromTable, int[] fromColumns, TableDef toTable, int[] toColumns) {
        Object[] to = new Object[toTable.columns().size()];
        for (int i = 0; i < fromColumns.length; i++) {
            Object external = ValueCoercion.toExternal(from[fromColumns[i]], fromTable.types()[fromColumns[i]]);
            try {
                to[toColumns[i]] = ValueCoercion.toInternal(external, toTable.types()[toColumns[i]]);
            } catch (SqlError e) {
                return null; // out of the other column's range: nothing there can equal it
            }
        }
        return to;
    }

    /**
     * Whether a parent row holds the key of {@code parentKey} (a parent-shaped row from {@link
     * #parentKeyOf}) in the newest committed state with this transaction's writes over it. With
     * {@code lock}, the key's lock is taken shared first, so that the answer stays true until the
     * transaction ends: a transaction deleting that parent waits for this one, or this one for it.
     */
    boolean parentExists(Transaction txn, Object[] parentKey, boolean lock) {
        if (parentByKey) {
            byte[] key = new TableRows(parent).key(parentKey);
            if (lock) {
                txn.lock(key, LockMode.SHARED, LockWait.WAIT);
            }
            return txn.getLatest(key) != null;
        }
        if (parentIndex != null) {
            byte[] prefix = new TableWriter(parent, txn).uniquePrefix(parentIndex, parentKey);
            if (lock) {
                txn.lock(prefix, LockMode.SHARED, LockWait.WAIT);
            }
            try (Cursor c = txn.scanLatest(KeyRange.prefix(prefix))) {
                return c.next();
            }
        }
        byte[] wanted = encode(parent, parentKey, parentColumns); // no unique key (a definition older than the check): scan
        TableRows rows = new TableRows(parent);
        try (Cursor c = txn.scanLatest(rows.all())) {
            while (c.next()) {
                if (Arrays.equals(wanted, encode(parent, rows.decode(c.key(), c.value()), parentColumns))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the child side

    /**
     * The keys of the child rows that may reference {@code childKey} (from {@link #childKeyOf}), in
     * the newest committed state with this transaction's writes over it. Callers lock each and
     * read it again: only a row that still references the key counts.
     */
    List<byte[]> candidateChildren(Transaction txn, Object[] childKey) {
        List<byte[]> keys = new ArrayList<>();
        TableRows rows = new TableRows(child);
        if (childIndex != null) {
            byte[] prefix = TableWriter.leadingPrefix(child, childIndex, childKey, childColumns.length, new ByteWriter(32));
            try (Cursor c = txn.scanLatest(KeyRange.prefix(prefix))) {
                while (c.next()) {
                    byte[] entry = c.key();
                    int at = IndexEntries.primaryKeyOffset(child, childIndex, entry);
                    ByteWriter key = new ByteWriter(child.keyPrefixLength() + entry.length - at);
                    child.writeKeyPrefix(key);
                    keys.add(key.write(entry, at, entry.length - at).toByteArray());
                }
            }
            return keys;
        }
        KeyRange range = rows.all();
        if (childByKey) {
            ByteWriter w = new ByteWriter(32);
            child.writeKeyPrefix(w);
            for (int i = 0; i < childColumns.length; i++) {
                int k = child.primaryKey()[i];
                KeyCodec.encode(w, childKey[k], child.types()[k]);
            }
            range = KeyRange.prefix(w.toByteArray());
        }
        byte[] wanted = encode(child, childKey, childColumns);
        try (Cursor c = txn.scanLatest(range)) {
            while (c.next()) {
                if (Arrays.equals(wanted, encode(child, rows.decode(c.key(), c.value()), childColumns))) {
                    keys.add(c.key());
                }
            }
        }
        return keys;
    }

    /** Whether {@code childRow} (read again under its lock) still references {@code childKey}. */
    boolean references(Object[] childRow, Object[] childKey) {
        return childRow != null && !referencesNothing(childRow)
                && Arrays.equals(encode(child, childRow, childColumns), encode(child, childKey, childColumns));
    }

    private static byte[] encode(TableDef table, Object[] row, int[] columns) {
        ByteWriter w = new ByteWriter(32);
        for (int c : columns) {
            if (row[c] == null) {
                w.write(0);
            } else {
                w.write(1);
                KeyCodec.encode(w, row[c], table.types()[c]);
            }
        }
        return w.toByteArray();
    }

    // ------------------------------------------------------------------ errors

    /** 23503 for a child row whose parent key is missing. */
    SqlError missingParent(Object[] childRow) {
        return new SqlError(VIOLATION, "Foreign key constraint " + constraint.name() + " violated: key (" + names(child, childColumns)
                + ")=(" + values(child, childRow, childColumns) + ") of table " + child.name().name() + " is not present in table "
                + parent.name().name());
    }

    /** 23503 for a parent key that a child row still references. */
    SqlError stillReferenced(Object[] parentRow) {
        return new SqlError(VIOLATION, "Foreign key constraint " + constraint.name() + " violated: key (" + names(parent, parentColumns)
                + ")=(" + values(parent, parentRow, parentColumns) + ") of table " + parent.name().name()
                + " is still referenced from table " + child.name().name());
    }

    private static String names(TableDef table, int[] columns) {
        StringBuilder s = new StringBuilder();
        for (int c : columns) {
            s.append(s.length() == 0 ? "" : ", ").append(table.column(c).name());
        }
        return s.toString();
    }

    private static String values(TableDef table, Object[] row, int[] columns) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            s.append(i == 0 ? "" : ", ").append(ValueCoercion.toExternal(row[columns[i]], table.types()[columns[i]]));
        }
        return s.toString();
    }
}
