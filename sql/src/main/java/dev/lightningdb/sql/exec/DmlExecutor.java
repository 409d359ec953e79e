package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.RowId;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import dev.lightningdb.sql.types.ValueCoercion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs INSERT, UPDATE and DELETE inside one transaction. Each statement first computes every
 * change and checks every constraint, then applies them, so a failing statement changes nothing.
 *
 * <p>Locks: each row the statement writes is locked while its change is computed, before any write
 * (so a lock timeout leaves nothing half done). A row found in the statement's snapshot and changed
 * by a commit since is, under READ COMMITTED, read again in its newest version and its WHERE
 * condition and new values evaluated on that (as PostgreSQL does); a row deleted since is skipped.
 * Under SNAPSHOT and SERIALIZABLE such a row fails the transaction (40001, first committer wins).
 * A primary key or unique value being inserted is checked against the newest committed state once
 * locked: taken is 23505 at every level.
 */
final class DmlExecutor {
    private final StatementContext cx;
    private final Transaction txn;
    private final KeyRequest keys;
    private QueryResult generatedKeys;

    DmlExecutor(StatementContext cx, Transaction txn, KeyRequest keys) {
        this.cx = cx;
        this.txn = txn;
        this.keys = keys;
    }

    /** What the {@link KeyRequest} asked for, after an INSERT; null when nothing was asked for or generated. */
    QueryResult generatedKeys() {
        return generatedKeys;
    }

    // ------------------------------------------------------------------ INSERT

    long insert(Statement.Insert insert, Object[] params) {
        TableDef table = SchemaLocks.forWrite(cx, txn, insert.table());
        int[] targets = targetColumns(table, insert.columns());
        if (!keys.isNone()) {
            GeneratedKeys.columns(table, keys); // a bad key column fails before anything is written
        }
        List<Object[]> values = new ArrayList<>();
        if (insert.query() == null) {
            for (List<SqlNode> row : insert.rows()) {
                if (row.size() != targets.length) {
                    GeneratedColumns.requireNotAllColumns(table, insert.columns(), row.size());
                    throw new SqlError(SqlError.SYNTAX, "INSERT has " + targets.length + " target column(s) but a row of "
                            + row.size() + " value(s)");
                }
            }
        }
        if (insert.query() == null && Literals.allSimple(insert.rows())) {
            for (List<SqlNode> row : insert.rows()) {
                Object[] v = new Object[row.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Literals.value(row.get(i), params);
                }
                values.add(v);
            }
        } else {
            ColumnType[] targetTypes = DmlQueries.targetTypes(table, targets);
            CompiledQuery q = cx.queries().compile(s -> DmlQueries.insertSource((Statement.Insert) s, targetTypes));
            if (q.columns().size() != targets.length) {
                GeneratedColumns.requireNotAllColumns(table, insert.columns(), q.columns().size());
                throw new SqlError(SqlError.SYNTAX, "INSERT has " + targets.length + " target column(s) but the query returns "
                        + q.columns().size());
            }
            collect(q, params, values);
        }

        TableWriter writer = new TableWriter(table, txn);
        TableRows rows = writer.rows();
        TableExpressions expressions = TableExpressions.of(cx, table);
        Object[] defaults = expressions.defaults(cx, txn, table);
        Map<ByteBuffer, Object[]> written = new LinkedHashMap<>();
        Map<ByteBuffer, Object[]> replaced = new HashMap<>();
        Set<ByteBuffer> generated = new HashSet<>();
        long count = 0;
        for (Object[] given : values) {
            Object[] row = defaults.clone();
            for (int i = 0; i < targets.length; i++) {
                row[targets[i]] = ValueCoercion.toInternal(given[i], table.types()[targets[i]]);
            }
            boolean generates = generateKeys(cx, table, row);
            expressions.generate(cx, txn, table, row);
            checkNotNull(table, row);
            byte[] key = rows.key(row);
            ByteBuffer k = ByteBuffer.wrap(key);
            boolean inStatement = written.containsKey(k);
            byte[] storedValue = inStatement || table.hasRowId() ? null : lockedLatest(txn, key);
            byte[] holder = table.hasRowId() && insert.onConflict() != Statement.OnConflict.ERROR
                    && insert.onConflict() != Statement.OnConflict.REPLACE ? writer.uniqueHolder(row) : null;
            if (holder != null) { // no declared key to conflict on: a unique constraint is the conflict target
                ByteBuffer h = ByteBuffer.wrap(holder);
                byte[] held = written.containsKey(h) ? null : lockedLatest(txn, holder);
                if (written.containsKey(h) || held != null) {
                    key = holder;
                    k = h;
                    inStatement = written.containsKey(h);
                    storedValue = held;
                }
            }
            Object[] previous = null;
            if (inStatement || storedValue != null) {
                switch (insert.onConflict()) {
                    case ERROR -> throw duplicate(table, row);
                    case NOTHING -> {
                        continue;
                    }
                    case UPDATE -> {
                        if (inStatement) {
                            throw new SqlError(SqlError.UNIQUE_VIOLATION, "ON CONFLICT DO UPDATE cannot change the same row twice in one "
                                    + "statement (table " + table.name() + ")");
                        }
                        previous = rows.decode(key, storedValue);
                        row = conflictUpdate(table, previous, row, insert, params);
                        expressions.generate(cx, txn, table, row);
                    }
                    case REPLACE -> previous = inStatement ? written.get(k) : rows.decode(key, storedValue);
                }
            }
            if (previous != null) {
                writer.release(previous);
                replaced.putIfAbsent(k, previous);
            }
            expressions.check(cx, txn, table, row);
            writer.checkUnique(key, row);
            written.put(k, row);
            if (generates) {
                generated.add(k);
            }
            count++;
        }
        ReferentialIntegrity references = ReferentialIntegrity.NONE;
        if (ReferentialIntegrity.mayApply(cx, table, !replaced.isEmpty())) {
            List<Object[]> before = new ArrayList<>(written.size());
            for (ByteBuffer k : written.keySet()) {
                before.add(replaced.get(k));
            }
            references = ReferentialIntegrity.beforeWrite(cx, txn, table, before, new ArrayList<>(written.values()));
        }
        for (Map.Entry<ByteBuffer, Object[]> e : written.entrySet()) {
            writer.write(e.getKey().array(), e.getValue(), replaced.get(e.getKey()));
        }
        references.afterWrite();
        if (!keys.isNone()) {
            List<Boolean> wasGenerated = new ArrayList<>();
            for (ByteBuffer k : written.keySet()) {
                wasGenerated.add(generated.contains(k));
            }
            generatedKeys = GeneratedKeys.of(table, keys, new ArrayList<>(written.values()), wasGenerated);
        }
        return count;
    }

    /**
     * Fills what the database makes for a new row: its identity value when none was given, and its
     * hidden row id; whether the row's key (or identity) was made here, for generated-keys results.
     */
    static boolean generateKeys(StatementContext cx, TableDef table, Object[] row) {
        TableDef.Identity identity = table.identity();
        boolean generated = identity != null && row[identity.column()] == null;
        if (generated) {
            long next = TemporaryTableRules.nextIdentity(cx, table);
            row[identity.column()] = ValueCoercion.toInternal(next, table.types()[identity.column()]);
        }
        if (table.hasRowId()) {
            row[0] = cx.services().sequences().rowIds().next(table); // a fresh key: no other row has it
            generated |= identity == null;
        }
        return generated;
    }

    /** Locks {@code key} and reads its newest committed value (or this transaction's own): is the key taken? */
    static byte[] lockedLatest(Transaction txn, byte[] key) {
        txn.lock(key, dev.lightningdb.engine.common.LockMode.EXCLUSIVE, dev.lightningdb.engine.common.LockWait.WAIT);
        return txn.getLatest(key);
    }

    private Object[] stored(TableRows rows, byte[] key) {
        byte[] value = txn.getForUpdate(key);
        return value == null ? null : rows.decode(key, value);
    }

    /** The existing row with {@code ON CONFLICT DO UPDATE SET} applied; {@code EXCLUDED.c} is the proposed row's c. */
    private static Object[] conflictUpdate(TableDef table, Object[] existing, Object[] proposed, Statement.Insert insert,
                                           Object[] params) {
        Object[] row = existing.clone();
        for (int i = 0; i < insert.updateColumns().size(); i++) {
            int column = table.requireColumn(insert.updateColumns().get(i));
            GeneratedColumns.requireAssignable(table, column);
            for (int k : table.primaryKey()) {
                if (k == column) {
                    throw SqlError.unsupported("ON CONFLICT DO UPDATE of a primary key column");
                }
            }
            SqlNode value = insert.updateValues().get(i);
            if (value instanceof SqlIdentifier id && id.names.size() == 2 && id.names.get(0).equals("EXCLUDED")) {
                row[column] = proposed[table.requireColumn(id.names.get(1))];
            } else if (value instanceof SqlIdentifier id && id.names.size() == 1) {
                row[column] = existing[table.requireColumn(id.getSimple())];
            } else if (Literals.isSimple(value)) {
                row[column] = ValueCoercion.toInternal(Literals.value(value, params), table.types()[column]);
            } else {
                throw SqlError.unsupported("ON CONFLICT DO UPDATE SET with an expression (use a constant, ?, a column or EXCLUDED.column)");
            }
        }
        checkNotNull(table, row);
        return row;
    }

    private void collect(CompiledQuery q, Object[] params, List<Object[]> out) {
        Object[] internal = ValueCoercion.toInternal(params, q.parameterTypes());
        try (RowIterator it = q.execute(cx.planContext(txn, internal))) {
            while (it.next()) {
                Object[] row = it.current().clone();
                for (int i = 0; i < row.length; i++) {
                    row[i] = ValueCoercion.toExternal(row[i], q.columns().get(i).type());
                }
                out.add(row);
            }
        }
    }

    static int[] targetColumns(TableDef table, List<String> names) {
        if (names.isEmpty()) {
            return GeneratedColumns.insertable(table);
        }
        int[] targets = new int[names.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = table.requireColumn(names.get(i));
            GeneratedColumns.requireAssignable(table, targets[i]);
            if (table.isHidden(targets[i])) {
                throw RowId.readOnly(table);
            }
            for (int j = 0; j < i; j++) {
                if (targets[j] == targets[i]) {
                    throw new SqlError(SqlError.SYNTAX, "Column " + names.get(i) + " is listed twice");
                }
            }
        }
        return targets;
    }

    // ------------------------------------------------------------------ UPDATE

    long update(Statement.Update update, Object[] params) {
        TableDef table = SchemaLocks.forWrite(cx, txn, update.table());
        List<Integer> targets = new ArrayList<>();
        for (String name : update.columns()) {
            targets.add(table.requireColumn(name));
            GeneratedColumns.requireAssignable(table, targets.get(targets.size() - 1));
            if (table.isHidden(targets.get(targets.size() - 1))) {
                throw RowId.readOnly(table);
            }
        }
        PointLookup point = PointLookup.where(update.table(), update.alias(), update.where(), cx.catalog());
        if (point != null && update.values().stream().allMatch(Literals::isSimple) && targets.stream().noneMatch(c -> inKey(table, c))) {
            return updateOne(point, targets, update.values(), params);
        }
        CompiledQuery q = cx.queries().compile(s -> {
            Statement.Update u = (Statement.Update) s;
            return DmlQueries.updateSource(table, u.alias(), targets, u.values(), u.where());
        });
        int n = table.columns().size();
        TableWriter writer = new TableWriter(table, txn);
        TableRows rows = writer.rows();
        List<Object[]> olds = new ArrayList<>();
        List<Object[]> news = new ArrayList<>();
        Object[] internal = ValueCoercion.toInternal(params, q.parameterTypes());
        try (RowIterator it = q.execute(cx.planContext(txn, internal))) {
            while (it.next()) {
                Object[] result = it.current();
                Object[] old = java.util.Arrays.copyOf(result, n);
                byte[] key = rows.key(old);
                byte[] latest = txn.getForUpdate(key);
                if (latest == null) {
                    continue; // deleted by a commit since the statement began (READ COMMITTED)
                }
                Object[] values = java.util.Arrays.copyOfRange(result, n, result.length);
                List<ResultColumn> valueColumns = q.columns().subList(n, q.columns().size());
                if (txn.changedSinceRead(key)) {
                    old = rows.decode(key, latest);
                    Recheck again = recheck(table, old, params, update.alias(), targets, update.values(), update.where());
                    if (again == null) {
                        continue; // the newest version no longer matches the WHERE condition
                    }
                    values = again.values();
                    valueColumns = again.columns();
                }
                Object[] row = old.clone();
                for (int i = 0; i < targets.size(); i++) {
                    int col = targets.get(i);
                    Object external = ValueCoercion.toExternal(values[i], valueColumns.get(i).type());
                    row[col] = ValueCoercion.toInternal(external, table.types()[col]);
                }
                TableExpressions expressions = TableExpressions.of(cx, table);
                expressions.generate(cx, txn, table, row);
                checkNotNull(table, row);
                expressions.check(cx, txn, table, row);
                olds.add(old);
                news.add(row);
            }
        }
        Set<ByteBuffer> vacated = new HashSet<>();
        for (Object[] old : olds) {
            writer.release(old);
            vacated.add(ByteBuffer.wrap(rows.key(old)));
        }
        Set<ByteBuffer> taken = new HashSet<>();
        for (int r = 0; r < news.size(); r++) {
            Object[] row = news.get(r);
            byte[] newKey = rows.key(row);
            ByteBuffer k = ByteBuffer.wrap(newKey);
            boolean moved = !java.util.Arrays.equals(newKey, rows.key(olds.get(r)));
            if (!taken.add(k) || (moved && !vacated.contains(k) && lockedLatest(txn, newKey) != null)) {
                throw duplicate(table, row);
            }
            writer.checkUnique(newKey, row);
        }
        ReferentialIntegrity references = ReferentialIntegrity.beforeWrite(cx, txn, table, olds, news);
        for (int r = 0; r < news.size(); r++) {
            Object[] old = olds.get(r);
            byte[] oldKey = rows.key(old);
            if (!java.util.Arrays.equals(oldKey, rows.key(news.get(r)))) {
                writer.delete(oldKey, old);
            }
        }
        for (int r = 0; r < news.size(); r++) {
            Object[] old = olds.get(r);
            Object[] row = news.get(r);
            byte[] newKey = rows.key(row);
            boolean moved = !java.util.Arrays.equals(newKey, rows.key(old));
            writer.write(newKey, row, moved ? null : old);
        }
        references.afterWrite();
        return news.size();
    }

    /** UPDATE of one row addressed by its full key, with constant values: one read, one write, no planner. */
    private long updateOne(PointLookup point, List<Integer> targets, List<SqlNode> values, Object[] params) {
        TableDef table = point.table();
        byte[] key = KeyValues.fullKey(table, point.keyValues(), params);
        TableWriter writer = new TableWriter(table, txn);
        Object[] previous = key == null ? null : stored(writer.rows(), key);
        if (previous == null) {
            return 0;
        }
        Object[] row = previous.clone();
        for (int i = 0; i < targets.size(); i++) {
            int column = targets.get(i);
            row[column] = ValueCoercion.toInternal(Literals.value(values.get(i), params), table.types()[column]);
        }
        TableExpressions expressions = TableExpressions.of(cx, table);
        expressions.generate(cx, txn, table, row);
        checkNotNull(table, row);
        expressions.check(cx, txn, table, row);
        writer.release(previous);
        writer.checkUnique(key, row);
        ReferentialIntegrity references = ReferentialIntegrity.beforeWrite(cx, txn, table, single(previous), single(row));
        writer.write(key, row, previous);
        references.afterWrite();
        return 1;
    }

    /** What a re-evaluated row gives: the new values (in {@code columns}' types). */
    private record Recheck(Object[] values, List<ResultColumn> columns) {
    }

    /**
     * Evaluates the statement's WHERE condition and new values once more on {@code newest} (see the
     * class comment); null when the condition no longer holds.
     */
    private Recheck recheck(TableDef table, Object[] newest, Object[] params, String alias, List<Integer> targets, List<SqlNode> values,
                            SqlNode where) {
        int first = cx.queries().textParameterCount();
        CompiledQuery q = cx.queries().compileRecheck(s -> {
            List<SqlNode> fresh = s instanceof Statement.Update u ? u.values() : List.of();
            SqlNode condition = s instanceof Statement.Update u ? u.where() : ((Statement.Delete) s).where();
            return DmlQueries.recheck(table, alias, targets, fresh, condition, first);
        });
        Object[] external = java.util.Arrays.copyOf(params, first + newest.length);
        for (int c = 0; c < newest.length; c++) {
            external[first + c] = ValueCoercion.toExternal(newest[c], table.types()[c]);
        }
        Object[] internal = ValueCoercion.toInternal(external, q.parameterTypes());
        try (RowIterator it = q.execute(cx.planContext(txn, internal))) {
            return it.next() ? new Recheck(it.current().clone(), q.columns()) : null;
        }
    }

    /** A one-row list that may hold null (List.of may not). */
    private static List<Object[]> single(Object[] row) {
        return java.util.Collections.singletonList(row);
    }

    private static boolean inKey(TableDef table, int column) {
        for (int k : table.primaryKey()) {
            if (k == column) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ DELETE

    long delete(Statement.Delete delete, Object[] params) {
        TableDef table = SchemaLocks.forWrite(cx, txn, delete.table());
        TableWriter writer = new TableWriter(table, txn);
        TableRows rows = writer.rows();
        PointLookup point = PointLookup.where(delete.table(), delete.alias(), delete.where(), cx.catalog());
        if (point != null) {
            byte[] key = KeyValues.fullKey(table, point.keyValues(), params);
            byte[] latest = key == null ? null : txn.getForUpdate(key);
            if (latest == null) {
                return 0;
            }
            Object[] old = rows.decode(key, latest);
            ReferentialIntegrity references = ReferentialIntegrity.beforeWrite(cx, txn, table, single(old), single(null));
            writer.delete(key, old);
            references.afterWrite();
            return 1;
        }
        List<byte[]> keys = new ArrayList<>();
        if (delete.where() == null) {
            try (Cursor c = txn.scan(rows.all())) {
                while (c.next()) {
                    keys.add(c.key());
                }
            }
        } else {
            CompiledQuery q = cx.queries().compile(s -> {
                Statement.Delete d = (Statement.Delete) s;
                return DmlQueries.deleteSource(table, d.alias(), d.where());
            });
            Object[] internal = ValueCoercion.toInternal(params, q.parameterTypes());
            Object[] row = new Object[table.columns().size()];
            int[] pk = table.primaryKey();
            try (RowIterator it = q.execute(cx.planContext(txn, internal))) {
                while (it.next()) {
                    for (int i = 0; i < pk.length; i++) {
                        row[pk[i]] = it.current()[i];
                    }
                    keys.add(rows.key(row));
                }
            }
        }
        List<Object[]> olds = new ArrayList<>();
        List<byte[]> deleted = new ArrayList<>();
        for (byte[] key : keys) {
            byte[] latest = txn.getForUpdate(key);
            if (latest == null) {
                continue; // deleted by a commit since the statement began (READ COMMITTED)
            }
            Object[] old = rows.decode(key, latest);
            if (delete.where() != null && txn.changedSinceRead(key)
                    && recheck(table, old, params, delete.alias(), List.of(), List.of(), delete.where()) == null) {
                continue; // the newest version no longer matches the WHERE condition
            }
            olds.add(old);
            deleted.add(key);
        }
        ReferentialIntegrity references = ReferentialIntegrity.beforeWrite(cx, txn, table, olds, java.util.Collections.nCopies(olds.size(), null));
        for (int i = 0; i < deleted.size(); i++) {
            writer.delete(deleted.get(i), olds.get(i));
        }
        references.afterWrite();
        return deleted.size();
    }

    // ------------------------------------------------------------------ constraints

    static void checkNotNull(TableDef table, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            ColumnDef c = table.column(i);
            if (row[i] == null && !c.nullable()) {
                throw new SqlError(SqlError.NOT_NULL_VIOLATION, "NULL not allowed for column " + c.name() + " of table " + table.name());
            }
        }
    }

    static SqlError duplicate(TableDef table, Object[] row) {
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (int k : table.primaryKey()) {
            cols.append(cols.length() == 0 ? "" : ", ").append(table.column(k).name());
            vals.append(vals.length() == 0 ? "" : ", ").append(ValueCoercion.toExternal(row[k], table.types()[k]));
        }
        return new SqlError(SqlError.UNIQUE_VIOLATION, "Duplicate primary key (" + cols + ")=(" + vals + ") in table " + table.name());
    }
}
