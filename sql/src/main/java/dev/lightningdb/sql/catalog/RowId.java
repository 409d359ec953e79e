package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SchemaMetadata;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;

/**
 * The hidden row id of a table declared without a primary key (as SQLite's rowid, H2's
 * {@code _ROWID_}). Invariants:
 * <ol>
 *   <li>Such a table keeps the id as its column 0, a BIGINT NOT NULL named {@value #NAME}, and as its
 *       whole primary key; every declared column follows it, in declared order. So the stored
 *       definition needs no new field, a declared column's JDBC index equals its table position, and
 *       adding or dropping a declared column never moves the id.
 *   <li>No declared column may be named {@value #NAME} (in any table), so the layout above identifies
 *       a hidden row id and nothing else.
 *   <li>{@code SELECT *}, an INSERT without a column list and the JDBC metadata's columns leave the id
 *       out; naming it ({@code SELECT _ROWID_}, {@code WHERE _ROWID_ = ?}) reads it. It is never
 *       written by a statement: {@code RowIds} hands it out, and it never changes.
 * </ol>
 */
public final class RowId {
    public static final String NAME = SchemaMetadata.ROW_ID;
    /** The hidden column itself. */
    public static final ColumnDef COLUMN = new ColumnDef(NAME, ColumnType.of(ColumnType.Kind.BIGINT), false, null);
    private static final int[] KEY = {0};

    private RowId() {
    }

    /** Whether {@code columns} keyed by {@code primaryKey} is the layout of invariant 1. */
    static boolean isLayout(List<ColumnDef> columns, int[] primaryKey) {
        return primaryKey.length == 1 && primaryKey[0] == 0 && !columns.isEmpty() && columns.get(0).equals(COLUMN);
    }

    /** The columns of a table without a primary key: the id, then {@code declared}. */
    public static List<ColumnDef> withId(List<ColumnDef> declared) {
        List<ColumnDef> out = new ArrayList<>(declared.size() + 1);
        out.add(COLUMN);
        out.addAll(declared);
        return out;
    }

    /** The primary key of such a table: the id alone. */
    public static int[] key() {
        return KEY.clone();
    }

    /** Refuses a declared column named {@value #NAME} (invariant 2). */
    public static void checkDeclaredName(String column) {
        if (NAME.equals(column)) {
            throw new SqlError("42S21", "Column name " + NAME + " is reserved for the hidden row id of a table without a primary key");
        }
    }

    /** The error for a statement that would write, alter or drop the id. */
    public static SqlError readOnly(TableDef table) {
        return new SqlError("428C9", "Column " + NAME + " of table " + table.name().name()
                + " is the hidden row id: it is generated and cannot be written, altered or dropped");
    }

    /** The position of the declared column {@code name} of {@code table}: unknown is 42S22, the hidden id 428C9. */
    public static int requireDeclared(TableDef table, String name) {
        int position = table.requireColumn(name);
        if (table.isHidden(position)) {
            throw readOnly(table);
        }
        return position;
    }
}
