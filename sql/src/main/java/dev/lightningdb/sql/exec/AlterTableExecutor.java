package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.ast.Statement.AlterAction;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.RowId;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE: columns, constraints and the table's name ({@link AlterColumnExecutor} changes one
 * column). Row rewrites happen in the statement's transaction.
 */
final class AlterTableExecutor {
    private AlterTableExecutor() {
    }

    static long execute(StatementContext cx, Transaction txn, Statement.AlterTable alter) {
        TableDef table = cx.catalog().table(alter.table());
        if (table == null) {
            if (alter.ifExists() && cx.catalog().view(alter.table()) == null) {
                return 0;
            }
            cx.catalog().require(alter.table()); // 42809 for a view
            throw SqlError.unknownTable(alter.table().name());
        }
        AlterAction action = alter.action();
        ViewDependents.beforeAlter(cx, txn, table, action);
        TableDef changed;
        if (action instanceof AlterAction.AddColumn add) {
            changed = addColumn(cx, txn, table, add);
        } else if (action instanceof AlterAction.DropColumn drop) {
            if (table.columnIndex(drop.column()) >= 0) {
                ForeignKeyDdl.beforeDropColumn(cx, table, drop.column());
            }
            changed = dropColumn(txn, table, drop);
        } else if (action instanceof AlterAction.RenameColumn rename) {
            changed = renameColumn(table, rename);
            ForeignKeyDdl.afterColumnRename(cx, txn, table, rename.from(), rename.to());
        } else if (action instanceof AlterAction.RenameTable rename) {
            if (cx.catalog().table(rename.to()) != null || cx.catalog().view(rename.to()) != null) {
                throw new SqlError(SqlError.TABLE_EXISTS, "Table " + rename.to().name() + " already exists");
            }
            txn.delete(CatalogKeys.table(table.name()));
            cx.changes().drop(table.name());
            changed = table.withName(rename.to()).withConstraints(ForeignKeyDdl.selfReferences(table, table.name(), rename.to()));
            ForeignKeyDdl.afterRename(cx, txn, table.name(), rename.to());
        } else if (action instanceof AlterAction.AddPrimaryKey add) {
            changed = PrimaryKeyAdder.add(cx, txn, table, add);
        } else if (action instanceof AlterAction.AddConstraint add) {
            changed = Constraints.add(cx, txn, table, add.constraint(), true);
        } else if (!(action instanceof AlterAction.DropConstraint)) {
            changed = AlterColumnExecutor.execute(cx, txn, table, action);
        } else {
            changed = dropConstraint(txn, table, (AlterAction.DropConstraint) action);
        }
        if (changed != table) {
            cx.saveTable(txn, changed);
        }
        return 0;
    }

    private static TableDef addColumn(StatementContext cx, Transaction txn, TableDef table, AlterAction.AddColumn add) {
        RowId.checkDeclaredName(add.column().name());
        if (table.columnIndex(add.column().name()) >= 0) {
            if (add.ifNotExists()) {
                return table;
            }
            throw new SqlError("42S21", "Column " + add.column().name() + " already exists in table " + table.name().name());
        }
        if (add.column().identity()) {
            throw SqlError.unsupported("Adding an identity column to an existing table");
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        ColumnDef column = ColumnDef.of(add.column(), false);
        columns.add(column);
        TableDef changed = table.withColumns(columns, table.primaryKey(), table.identity(), table.indexes());
        if (column.defaultSql() != null) {
            TableExpressions.checkDefault(cx, txn, column);
        }
        if (column.isGenerated()) {
            TableDef withColumn = changed;
            TableExpressions generated = TableExpressions.of(cx, withColumn);
            rewrite(txn, table, withColumn, row -> {
                Object[] out = java.util.Arrays.copyOf(row, columns.size());
                generated.generate(cx, txn, withColumn, out);
                if (out[out.length - 1] == null && !column.nullable()) {
                    throw new SqlError(SqlError.NOT_NULL_VIOLATION, "Generated column " + column.name() + " is NULL for a row of table "
                            + table.name().name());
                }
                return out;
            });
        }
        Object fill = column.defaultSql() == null ? null : TableExpressions.of(cx, changed).defaults(cx, txn, changed)[columns.size() - 1];
        if (!column.isGenerated() && (fill != null || !column.nullable())) {
            // existing rows get the default (or fail if NOT NULL has none)
            rewrite(txn, table, changed, row -> {
                Object[] out = java.util.Arrays.copyOf(row, columns.size());
                if (fill == null) {
                    throw new SqlError(SqlError.NOT_NULL_VIOLATION, "Column " + column.name() + " is NOT NULL without a DEFAULT, "
                            + "but table " + table.name().name() + " has rows");
                }
                out[out.length - 1] = fill;
                return out;
            });
        }
        for (ConstraintSpec c : add.constraints()) {
            changed = Constraints.add(cx, txn, changed, c, true);
        }
        return changed;
    }

    private static TableDef dropColumn(Transaction txn, TableDef table, AlterAction.DropColumn drop) {
        int position = table.columnIndex(drop.column());
        if (position < 0) {
            if (drop.ifExists()) {
                return table;
            }
            throw new SqlError(SqlError.UNKNOWN_COLUMN, "Column '" + drop.column() + "' not found in table " + table.name());
        }
        RowId.requireDeclared(table, drop.column());
        for (int k : table.primaryKey()) {
            if (k == position) {
                throw SqlError.unsupported("Dropping a primary key column (" + drop.column() + ")");
            }
        }
        if (table.columns().size() - table.firstDeclaredColumn() == 1) {
            throw new SqlError(SqlError.SYNTAX, "Cannot drop the only column of " + table.name().name());
        }
        ColumnDef dependent = GeneratedColumns.dependent(table, drop.column());
        if (dependent != null) {
            throw new SqlError("2BP01", "Cannot drop column " + drop.column() + " of table " + table.name().name()
                    + ": generated column " + dependent.name() + " depends on it");
        }
        // indexes and constraints on the column go with it, as in PostgreSQL
        TableWriter writer = new TableWriter(table, txn);
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef i : table.indexes()) {
            boolean uses = false;
            for (int c : i.columns()) {
                uses |= c == position;
            }
            if (uses) {
                writer.dropEntries(i);
            } else {
                indexes.add(new IndexDef(i.id(), i.name(), i.unique(), shift(i.columns(), position), i.constraint()));
            }
        }
        List<ConstraintDef> constraints = new ArrayList<>();
        for (ConstraintDef c : table.constraints()) {
            if (!c.columns().contains(drop.column()) && (c.checkSql() == null || !CheckColumns.mentions(c.checkSql(), drop.column()))) {
                constraints.add(c);
            }
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.remove(position);
        TableDef.Identity identity = table.identity();
        if (identity != null) {
            identity = identity.column() == position ? null : identity.column() > position
                    ? new TableDef.Identity(identity.column() - 1, identity.start(), identity.increment()) : identity;
        }
        TableDef changed = table.withColumns(columns, shift(table.primaryKey(), position), identity, indexes).withConstraints(constraints);
        rewrite(txn, table, changed, row -> {
            Object[] out = new Object[row.length - 1];
            for (int i = 0, j = 0; i < row.length; i++) {
                if (i != position) {
                    out[j++] = row[i];
                }
            }
            return out;
        });
        return changed;
    }

    private static int[] shift(int[] positions, int removed) {
        int[] out = positions.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] > removed) {
                out[i]--;
            }
        }
        return out;
    }

    private static TableDef renameColumn(TableDef table, AlterAction.RenameColumn rename) {
        int position = RowId.requireDeclared(table, rename.from());
        RowId.checkDeclaredName(rename.to());
        if (table.columnIndex(rename.to()) >= 0) {
            throw new SqlError("42S21", "Column " + rename.to() + " already exists in table " + table.name().name());
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        ColumnDef c = columns.get(position);
        columns.set(position, c.withName(rename.to()));
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef g = columns.get(i);
            if (g.isGenerated()) {
                columns.set(i, new ColumnDef(g.name(), g.type(), g.nullable(), g.defaultSql(),
                        CheckColumns.rename(g.generatedSql(), rename.from(), rename.to())));
            }
        }
        List<ConstraintDef> constraints = new ArrayList<>();
        for (ConstraintDef k : table.constraints()) {
            List<String> names = k.columns().stream().map(n -> n.equals(rename.from()) ? rename.to() : n).toList();
            String check = k.checkSql() == null ? null : CheckColumns.rename(k.checkSql(), rename.from(), rename.to());
            ConstraintDef renamed = new ConstraintDef(k.name(), k.kind(), names, check, k.references(), k.referencedColumns(), k.onDelete(),
                    k.onUpdate());
            constraints.add(k.isForeignKey() && k.references().equals(table.name())
                    ? ForeignKeyDdl.renamedReference(renamed, rename.from(), rename.to()) : renamed);
        }
        return table.withColumns(columns, table.primaryKey(), table.identity(), table.indexes()).withConstraints(constraints);
    }

    private static TableDef dropConstraint(Transaction txn, TableDef table, AlterAction.DropConstraint drop) {
        IndexDef index = table.index(drop.name());
        if (index != null && index.constraint()) {
            new TableWriter(table, txn).dropEntries(index);
            List<IndexDef> indexes = new ArrayList<>(table.indexes());
            indexes.remove(index);
            return table.withIndexes(indexes);
        }
        List<ConstraintDef> constraints = new ArrayList<>(table.constraints());
        if (constraints.removeIf(c -> c.name().equals(drop.name()))) {
            return table.withConstraints(constraints);
        }
        if (drop.ifExists()) {
            return table;
        }
        throw new SqlError("42704", "Constraint " + drop.name() + " not found on table " + table.name().name());
    }

    /** Re-encodes every row of {@code before} as {@code after} describes it, through {@code change}. */
    private static void rewrite(Transaction txn, TableDef before, TableDef after, java.util.function.UnaryOperator<Object[]> change) {
        TableRows oldRows = new TableRows(before);
        TableRows newRows = new TableRows(after);
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        try (Cursor c = txn.scan(oldRows.all())) {
            while (c.next()) {
                byte[] key = c.key();
                keys.add(key);
                values.add(newRows.value(change.apply(oldRows.decode(key, c.value()))));
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            txn.put(keys.get(i), values.get(i));
        }
    }
}
