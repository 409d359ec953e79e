package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.Temporary;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.ByteWriter;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's definition. Immutable. Its rows live in the key range {@link #keyPrefix()}: key =
 * prefix ‖ primary key columns ({@link dev.lightningdb.sql.codec.KeyCodec}), value = the other
 * columns ({@link dev.lightningdb.sql.codec.RowCodec}). A temporary table's rows and index entries
 * start with a byte of {@link TemporaryTables#LOCAL_KEYS} or above: the session's own database holds
 * them, never this one.
 */
public final class TableDef {
    /** First byte of every table data key; the catalog lives under {@link CatalogKeys#SYSTEM}. */
    public static final byte TABLE_DATA = 0x01;
    /** First byte of every temporary table's data key. */
    public static final byte TEMPORARY_TABLE_DATA = (byte) 0x81;

    private final int id;
    private final QualifiedName name;
    private final List<ColumnDef> columns;
    private final int[] primaryKey;
    private final Identity identity;
    private final List<IndexDef> indexes;
    private final List<ConstraintDef> constraints;
    private final int[] valueColumns;
    private final ColumnType[] types;
    private final Map<String, Integer> index = new HashMap<>();
    private final byte[] keyPrefix;
    private final Temporary temporary;
    private final boolean rowId;

    /** The generated column of a table: values start, start + increment, ... */
    public record Identity(int column, long start, long increment) {
    }

    public TableDef(int id, QualifiedName name, List<ColumnDef> columns, int[] primaryKey) {
        this(id, name, columns, primaryKey, null, List.of(), List.of());
    }

    public TableDef(int id, QualifiedName name, List<ColumnDef> columns, int[] primaryKey, Identity identity,
                    List<IndexDef> indexes, List<ConstraintDef> constraints) {
        this(id, name, columns, primaryKey, identity, indexes, constraints, null);
    }

    /** @param temporary null for a permanent table */
    public TableDef(int id, QualifiedName name, List<ColumnDef> columns, int[] primaryKey, Identity identity,
                    List<IndexDef> indexes, List<ConstraintDef> constraints, Temporary temporary) {
        if (primaryKey.length == 0) {
            throw new IllegalArgumentException("table " + name + " needs a primary key");
        }
        this.id = id;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.primaryKey = primaryKey.clone();
        this.identity = identity;
        this.indexes = List.copyOf(indexes);
        this.constraints = List.copyOf(constraints);
        this.types = new ColumnType[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            types[i] = columns.get(i).type();
            index.put(columns.get(i).name(), i);
        }
        boolean[] inKey = new boolean[columns.size()];
        for (int k : primaryKey) {
            inKey[k] = true;
        }
        this.valueColumns = new int[columns.size() - primaryKey.length];
        for (int i = 0, j = 0; i < columns.size(); i++) {
            if (!inKey[i]) {
                valueColumns[j++] = i;
            }
        }
        this.temporary = temporary;
        this.keyPrefix = new ByteWriter(5).write(temporary == null ? TABLE_DATA : TEMPORARY_TABLE_DATA).writeIntBE(id).toByteArray();
        this.rowId = RowId.isLayout(this.columns, this.primaryKey);
    }

    /** How this table is temporary; null when it is permanent. */
    public Temporary temporary() {
        return temporary;
    }

    /** Whether only the session that made it sees this table (a LOCAL TEMPORARY one). */
    public boolean isLocalTemporary() {
        return temporary != null && !temporary.global();
    }

    /** Whether the table was declared without a primary key: column 0 is then its hidden {@link RowId}. */
    public boolean hasRowId() {
        return rowId;
    }

    /** The position of the first declared column: 1 after a hidden row id, else 0. */
    public int firstDeclaredColumn() {
        return rowId ? 1 : 0;
    }

    /** Whether column {@code i} is the hidden row id. */
    public boolean isHidden(int i) {
        return rowId && i == 0;
    }

    public int id() {
        return id;
    }

    public QualifiedName name() {
        return name;
    }

    public List<ColumnDef> columns() {
        return columns;
    }

    public ColumnDef column(int i) {
        return columns.get(i);
    }

    /** The position of the named column, or -1. */
    public int columnIndex(String columnName) {
        Integer i = index.get(columnName);
        return i == null ? -1 : i;
    }

    /** The position of column {@code columnName}; a missing one is the statement's error (42S22). */
    public int requireColumn(String columnName) {
        int i = columnIndex(columnName);
        if (i < 0) {
            throw new SqlError(SqlError.UNKNOWN_COLUMN, "Column '" + columnName + "' not found in table " + name);
        }
        return i;
    }

    /** Positions of the primary key columns, in key order. Do not modify. */
    public int[] primaryKey() {
        return primaryKey;
    }

    /** Positions of the columns stored in the value, in table order. Do not modify. */
    public int[] valueColumns() {
        return valueColumns;
    }

    /** Column types by position. Do not modify. */
    public ColumnType[] types() {
        return types;
    }

    /** The prefix shared by every key of this table's rows (a fresh copy). */
    public byte[] keyPrefix() {
        return keyPrefix.clone();
    }

    public int keyPrefixLength() {
        return keyPrefix.length;
    }

    public void writeKeyPrefix(ByteWriter out) {
        out.write(keyPrefix);
    }

    /** The identity column, or null. */
    public Identity identity() {
        return identity;
    }

    public List<IndexDef> indexes() {
        return indexes;
    }

    public List<ConstraintDef> constraints() {
        return constraints;
    }

    public TableDef withName(QualifiedName newName) {
        return new TableDef(id, newName, columns, primaryKey, identity, indexes, constraints, temporary);
    }

    public TableDef withColumns(List<ColumnDef> newColumns, int[] newPrimaryKey, Identity newIdentity, List<IndexDef> newIndexes) {
        return new TableDef(id, name, newColumns, newPrimaryKey, newIdentity, newIndexes, constraints, temporary);
    }

    public TableDef withIndexes(List<IndexDef> newIndexes) {
        return new TableDef(id, name, columns, primaryKey, identity, newIndexes, constraints, temporary);
    }

    public TableDef withConstraints(List<ConstraintDef> newConstraints) {
        return new TableDef(id, name, columns, primaryKey, identity, indexes, newConstraints, temporary);
    }

    /** The index or unique constraint named {@code indexName}, or null. */
    public IndexDef index(String indexName) {
        for (IndexDef i : indexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }
}
