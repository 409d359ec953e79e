package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.types.ColumnType;
import dev.lightningdb.sql.types.ValueCoercion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs INSERT, UPDATE and DELETE inside one transaction. Each statement first computes every
 * change and checks every constraint, then applies them, so a failing statement changes nothing.
 */
final class DmlExecutor {
    private final Prepared prepared;
    private final Transaction txn;
    private final AtomicBoolean cancel;

    DmlExecutor(Prepared prepared, Transaction txn, AtomicBoolean cancel) {
        this.prepared = prepared;
        this.txn = txn;
        this.cancel = cancel;
    }

    // ------------------------------------------------------------------ INSERT

    long insert(Statement.Insert insert, Object[] params) {
        TableDef table = DdlExecutor.requireTable(prepared.session().catalog(), insert.table());
        int[] targets = targetColumns(table, insert.columns());
        List<Object[]> values = new ArrayList<>();
        if (insert.query() != null) {
            CompiledQuery q = prepared.compile(s -> ((Statement.Insert) s).query());
            if (q.columns().size() != targets.length) {
                throw new SqlError(SqlError.SYNTAX, "INSERT has " + targets.length + " target column(s) but the query returns "
                        + q.columns().size());
            }
            collect(q, params, values);
        } else {
            for (List<SqlNode> row : insert.rows()) {
                if (row.size() != targets.length) {
                    throw new SqlError(SqlError.SYNTAX, "INSERT has " + targets.length + " target column(s) but a row of "
                            + row.size() + " value(s)");
                }
            }
            if (insert.rows().stream().allMatch(r -> r.stream().allMatch(Literals::isSimple))) {
                for (List<SqlNode> row : insert.rows()) {
                    Object[] v = new Object[row.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Literals.value(row.get(i), params);
                    }
                    values.add(v);
                }
            } else {
                ColumnType[] targetTypes = new ColumnType[targets.length];
                for (int i = 0; i < targets.length; i++) {
                    targetTypes[i] = table.types()[targets[i]];
                }
                CompiledQuery q = prepared.compile(s -> DmlQueries.values(((Statement.Insert) s).rows(), targetTypes));
                collect(q, params, values);
            }
        }

        TableRows rows = new TableRows(table);
        Object[] defaults = Defaults.of(table, prepared.session());
        List<byte[]> keys = new ArrayList<>(values.size());
        List<byte[]> encoded = new ArrayList<>(values.size());
        Set<ByteBuffer> seen = new HashSet<>();
        for (Object[] given : values) {
            Object[] row = defaults.clone();
            for (int i = 0; i < targets.length; i++) {
                row[targets[i]] = ValueCoercion.toInternal(given[i], table.types()[targets[i]]);
            }
            checkNotNull(table, row);
            byte[] key = rows.key(row);
            if (!seen.add(ByteBuffer.wrap(key)) || txn.get(key) != null) {
                throw duplicate(table, row);
            }
            keys.add(key);
            encoded.add(rows.value(row));
        }
        for (int i = 0; i < keys.size(); i++) {
            txn.put(keys.get(i), encoded.get(i));
        }
        return keys.size();
    }

    private void collect(CompiledQuery q, Object[] params, List<Object[]> out) {
        Object[] internal = Prepared.internal(params, q.parameterTypes());
        try (RowIterator it = q.execute(prepared.context(txn, internal, cancel))) {
            while (it.next()) {
                Object[] row = it.current().clone();
                for (int i = 0; i < row.length; i++) {
                    row[i] = ValueCoercion.toExternal(row[i], q.columns().get(i).type());
                }
                out.add(row);
            }
        }
    }

    private static int[] targetColumns(TableDef table, List<String> names) {
        if (names.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] targets = new int[names.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = column(table, names.get(i));
            for (int j = 0; j < i; j++) {
                if (targets[j] == targets[i]) {
                    throw new SqlError(SqlError.SYNTAX, "Column " + names.get(i) + " is listed twice");
                }
            }
        }
        return targets;
    }

    static int column(TableDef table, String name) {
        int i = table.columnIndex(name);
        if (i < 0) {
            throw new SqlError(SqlError.UNKNOWN_COLUMN, "Column '" + name + "' not found in table " + table.name());
        }
        return i;
    }

    // ------------------------------------------------------------------ UPDATE

    long update(Statement.Update update, Object[] params) {
        TableDef table = DdlExecutor.requireTable(prepared.session().catalog(), update.table());
        List<Integer> targets = new ArrayList<>();
        for (String name : update.columns()) {
            targets.add(column(table, name));
        }
        CompiledQuery q = prepared.compile(s -> {
            Statement.Update u = (Statement.Update) s;
            return DmlQueries.updateSource(table, u.alias(), targets, u.values(), u.where());
        });
        int n = table.columns().size();
        TableRows rows = new TableRows(table);
        Set<ByteBuffer> vacated = new HashSet<>();
        Set<ByteBuffer> taken = new HashSet<>();
        List<byte[]> deletes = new ArrayList<>();
        List<byte[]> putKeys = new ArrayList<>();
        List<byte[]> putValues = new ArrayList<>();
        List<Object[]> moved = new ArrayList<>();
        Object[] internal = Prepared.internal(params, q.parameterTypes());
        try (RowIterator it = q.execute(prepared.context(txn, internal, cancel))) {
            while (it.next()) {
                Object[] result = it.current();
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = result[i];
                }
                byte[] oldKey = rows.key(row);
                for (int i = 0; i < targets.size(); i++) {
                    int col = targets.get(i);
                    Object external = ValueCoercion.toExternal(result[n + i], q.columns().get(n + i).type());
                    row[col] = ValueCoercion.toInternal(external, table.types()[col]);
                }
                checkNotNull(table, row);
                byte[] newKey = rows.key(row);
                if (!ByteBuffer.wrap(newKey).equals(ByteBuffer.wrap(oldKey))) {
                    deletes.add(oldKey);
                    vacated.add(ByteBuffer.wrap(oldKey));
                    moved.add(row);
                }
                if (!taken.add(ByteBuffer.wrap(newKey))) {
                    throw duplicate(table, row);
                }
                putKeys.add(newKey);
                putValues.add(rows.value(row));
            }
        }
        for (Object[] row : moved) {
            byte[] key = rows.key(row);
            if (!vacated.contains(ByteBuffer.wrap(key)) && txn.get(key) != null) {
                throw duplicate(table, row);
            }
        }
        for (byte[] key : deletes) {
            txn.delete(key);
        }
        for (int i = 0; i < putKeys.size(); i++) {
            txn.put(putKeys.get(i), putValues.get(i));
        }
        return putKeys.size();
    }

    // ------------------------------------------------------------------ DELETE

    long delete(Statement.Delete delete, Object[] params) {
        TableDef table = DdlExecutor.requireTable(prepared.session().catalog(), delete.table());
        TableRows rows = new TableRows(table);
        List<byte[]> keys = new ArrayList<>();
        if (delete.where() == null) {
            try (Cursor c = txn.scan(rows.all())) {
                while (c.next()) {
                    keys.add(c.key());
                }
            }
        } else {
            CompiledQuery q = prepared.compile(s -> {
                Statement.Delete d = (Statement.Delete) s;
                return DmlQueries.deleteSource(table, d.alias(), d.where());
            });
            Object[] internal = Prepared.internal(params, q.parameterTypes());
            Object[] row = new Object[table.columns().size()];
            int[] pk = table.primaryKey();
            try (RowIterator it = q.execute(prepared.context(txn, internal, cancel))) {
                while (it.next()) {
                    for (int i = 0; i < pk.length; i++) {
                        row[pk[i]] = it.current()[i];
                    }
                    keys.add(rows.key(row));
                }
            }
        }
        for (byte[] key : keys) {
            txn.delete(key);
        }
        return keys.size();
    }

    // ------------------------------------------------------------------ constraints

    private static void checkNotNull(TableDef table, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            ColumnDef c = table.column(i);
            if (row[i] == null && !c.nullable()) {
                throw new SqlError(SqlError.NOT_NULL_VIOLATION, "NULL not allowed for column " + c.name() + " of table " + table.name());
            }
        }
    }

    private static SqlError duplicate(TableDef table, Object[] row) {
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (int k : table.primaryKey()) {
            cols.append(cols.length() == 0 ? "" : ", ").append(table.column(k).name());
            vals.append(vals.length() == 0 ? "" : ", ").append(ValueCoercion.toExternal(row[k], table.types()[k]));
        }
        return new SqlError(SqlError.UNIQUE_VIOLATION, "Duplicate primary key (" + cols + ")=(" + vals + ") in table " + table.name());
    }
}
