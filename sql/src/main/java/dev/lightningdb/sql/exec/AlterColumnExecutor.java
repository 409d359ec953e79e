package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.Statement.AlterAction;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.RowId;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import dev.lightningdb.sql.types.ValueCoercion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ALTER TABLE t ALTER COLUMN c}: its type, NOT NULL, DEFAULT, or all three (H2's and MySQL's
 * redefinition). Every check runs before the first write, so a failing statement changes nothing:
 * each stored value is converted with the rules of an INSERT into the new type (22001, 22003, 22018,
 * 22007 when one does not fit), a new NOT NULL finds no NULL (23502), a new DEFAULT evaluates and
 * fits, and the converted rows keep every CHECK constraint, the primary key and unique indexes unique
 * (23505). Then a column that no key or index holds is rewritten in place; otherwise the table's rows
 * and index entries are written again (new keys, indexes under new ids).
 */
final class AlterColumnExecutor {
    private AlterColumnExecutor() {
    }

    /** The table with the change {@code action} (one of the ALTER COLUMN actions) made, its rows converted. */
    static TableDef execute(StatementContext cx, Transaction txn, TableDef table, AlterAction action) {
        String target = action instanceof AlterAction.SetColumnType t ? t.column() : action instanceof AlterAction.SetColumnNotNull n
                ? n.column() : action instanceof AlterAction.SetColumnDefault d ? d.column() : ((AlterAction.RedefineColumn) action).column();
        if (column(table, target).isGenerated()) {
            throw SqlError.unsupported("Changing generated column " + target + " (drop it and add it again)");
        }
        if (action instanceof AlterAction.SetColumnType t) {
            ColumnDef old = column(table, t.column());
            return change(cx, txn, table, new ColumnDef(old.name(), t.type(), old.nullable(), old.defaultSql()));
        }
        if (action instanceof AlterAction.SetColumnNotNull n) {
            ColumnDef old = column(table, n.column());
            if (!n.notNull() && inPrimaryKey(table, old.name())) {
                throw new SqlError("42P16", "Column " + old.name() + " is part of the primary key of " + table.name().name()
                        + ": it cannot allow NULL");
            }
            return change(cx, txn, table, new ColumnDef(old.name(), old.type(), !n.notNull(), old.defaultSql()));
        }
        if (action instanceof AlterAction.SetColumnDefault d) {
            ColumnDef old = column(table, d.column());
            requireNoIdentity(table, old.name(), "a DEFAULT");
            return change(cx, txn, table, new ColumnDef(old.name(), old.type(), old.nullable(), d.defaultSql()));
        }
        AlterAction.RedefineColumn r = (AlterAction.RedefineColumn) action;
        ColumnDef old = column(table, r.column());
        if (r.defaultSql() != null) {
            requireNoIdentity(table, old.name(), "a DEFAULT");
        }
        // a primary key column stays NOT NULL whatever the definition says
        boolean nullable = (r.notNull() == null ? old.nullable() : !r.notNull()) && !inPrimaryKey(table, old.name());
        return change(cx, txn, table, new ColumnDef(old.name(), r.type(), nullable, r.defaultSql()));
    }

    private static ColumnDef column(TableDef table, String name) {
        return table.column(RowId.requireDeclared(table, name));
    }

    private static boolean inPrimaryKey(TableDef table, String column) {
        return inPrimaryKey(table, table.columnIndex(column));
    }

    private static boolean inPrimaryKey(TableDef table, int position) {
        for (int k : table.primaryKey()) {
            if (k == position) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentity(TableDef table, String column) {
        return table.identity() != null && table.identity().column() == table.columnIndex(column);
    }

    private static void requireNoIdentity(TableDef table, String column, String what) {
        if (isIdentity(table, column)) {
            throw new SqlError(SqlError.SYNTAX, "Column " + column + " is an identity column: its values are generated, it cannot have "
                    + what);
        }
    }

    /** Replaces the column named as {@code changed} is by {@code changed}, converting and checking the rows first. */
    private static TableDef change(StatementContext cx, Transaction txn, TableDef table, ColumnDef changed) {
        int position = table.columnIndex(changed.name());
        ColumnDef old = table.column(position);
        boolean typeChanged = !old.type().equals(changed.type());
        if (typeChanged) {
            checkType(table, position, changed.type());
        }
        if (changed.defaultSql() != null && (typeChanged || !changed.defaultSql().equals(old.defaultSql()))) {
            TableExpressions.checkDefault(cx, txn, changed);
        }
        boolean rebuild = typeChanged && holdsInKeyOrIndex(table, position);
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.set(position, changed);
        TableDef after = table.withColumns(columns, table.primaryKey(), table.identity(),
                rebuild ? renumbered(cx, table.indexes()) : table.indexes());
        boolean newlyNotNull = old.nullable() && !changed.nullable();
        if (!typeChanged && !newlyNotNull) {
            return after; // only the catalog changes
        }
        Rows rows = Rows.read(txn, table);
        List<Object[]> converted = new ArrayList<>(rows.values().size());
        for (Object[] row : rows.values()) {
            Object[] out = row.clone();
            if (typeChanged) {
                out[position] = convert(row[position], old.type(), changed.type(), changed.name());
            }
            if (out[position] == null && !changed.nullable()) {
                throw new SqlError(SqlError.NOT_NULL_VIOLATION, "Column " + changed.name() + " of table " + table.name().name()
                        + " contains NULL values");
            }
            converted.add(out);
        }
        if (typeChanged) {
            checkConstraints(cx, txn, after, converted);
            if (rebuild) {
                rewriteWithKeys(txn, table, after, converted);
            } else {
                TableRows newRows = new TableRows(after);
                for (int i = 0; i < converted.size(); i++) {
                    txn.put(rows.keys().get(i), newRows.value(converted.get(i)));
                }
            }
            txn.delete(CatalogKeys.statistics(table.id())); // ANALYZE's values are encoded as the old type
            cx.changes().statistics(table.id(), null);
        }
        return after;
    }

    /** Refuses a type the column cannot have: a primary key needs an encodable type, an identity column a numeric one. */
    private static void checkType(TableDef table, int position, ColumnType type) {
        String name = table.column(position).name();
        if (inPrimaryKey(table, name) && !KeyCodec.supports(type)) {
            throw new SqlError(SqlError.SYNTAX, "Column " + name + " is part of the primary key, which cannot be of type " + type.sqlName());
        }
        if (isIdentity(table, name)) {
            switch (type.kind()) {
                case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> { }
                default -> throw new SqlError(SqlError.SYNTAX, "Identity column " + name + " must have a numeric type, not " + type.sqlName());
            }
        }
    }

    private static boolean holdsInKeyOrIndex(TableDef table, int position) {
        if (inPrimaryKey(table, position)) {
            return true;
        }
        for (IndexDef i : table.indexes()) {
            for (int c : i.columns()) {
                if (c == position) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same indexes under new ids, so that their new entries never meet the old ones. */
    static List<IndexDef> renumbered(StatementContext cx, List<IndexDef> indexes) {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef i : indexes) {
            out.add(new IndexDef(cx.services().catalog().allocateTableId(), i.name(), i.unique(), i.columns(), i.constraint()));
        }
        return out;
    }

    /** {@code value} of type {@code from} as {@code to}, by the rules that store an external value into a column. */
    private static Object convert(Object value, ColumnType from, ColumnType to, String column) {
        if (value == null) {
            return null;
        }
        Object external = ValueCoercion.toExternal(value, from);
        if (from.kind() == ColumnType.Kind.CHAR && external instanceof String s) {
            external = s.stripTrailing(); // CHAR's padding is not part of the value (as a cast to VARCHAR drops it)
        }
        try {
            return ValueCoercion.toInternal(external, to);
        } catch (SqlError e) {
            throw new SqlError(e.sqlState(), "Column " + column + " cannot become " + to.sqlName() + ": " + e.getMessage(), e);
        }
    }

    private static void checkConstraints(StatementContext cx, Transaction txn, TableDef after, List<Object[]> rows) {
        TableExpressions expressions = TableExpressions.of(cx, after);
        if (expressions.hasChecks()) {
            for (Object[] row : rows) {
                expressions.check(cx, txn, after, row);
            }
        }
    }

    /**
     * Writes {@code rows} as {@code after}'s rows in place of all of {@code before}'s, after checking
     * that their keys and unique values are unique (nothing is written if not).
     */
    static void rewriteWithKeys(Transaction txn, TableDef before, TableDef after, List<Object[]> rows) {
        TableWriter writer = new TableWriter(after, txn);
        TableRows newRows = writer.rows();
        List<byte[]> keys = new ArrayList<>(rows.size());
        Set<ByteBuffer> seen = new HashSet<>();
        for (Object[] row : rows) {
            byte[] key = newRows.key(row);
            if (!seen.add(ByteBuffer.wrap(key))) {
                throw new SqlError(SqlError.UNIQUE_VIOLATION, "The new primary key of " + before.name().name()
                        + " is the same for two rows");
            }
            writer.checkUnique(key, row); // the indexes' new ids hold no entries: this compares the converted rows
            keys.add(key);
        }
        DdlExecutor.deleteRows(txn, before);
        for (int i = 0; i < rows.size(); i++) {
            writer.write(keys.get(i), rows.get(i), null);
        }
    }

    /** Every row of a table, read before anything is written. */
    private record Rows(List<byte[]> keys, List<Object[]> values) {
        static Rows read(Transaction txn, TableDef table) {
            TableRows rows = new TableRows(table);
            List<byte[]> keys = new ArrayList<>();
            List<Object[]> values = new ArrayList<>();
            try (Cursor c = txn.scan(rows.all())) {
                while (c.next()) {
                    keys.add(c.key());
                    values.add(rows.decode(c.key(), c.value()));
                }
            }
            return new Rows(keys, values);
        }
    }
}
