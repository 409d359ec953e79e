package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.storage.TableWriter;
import dev.lightningdb.sql.types.ValueCoercion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a MERGE inside one transaction: the rows of {@link MergeQueries#source} say which clause
 * applies to each source row; every change is computed and checked, then applied, so a failing
 * MERGE changes nothing (as {@link DmlExecutor}).
 *
 * <p>Invariants: a target row is changed at most once per statement, else 21000 (as the standard
 * and PostgreSQL: two source rows matched it); primary key columns are never updated (no row moves);
 * a matched row is locked before its change is computed. A matched row that a commit changed or
 * deleted since the statement read it fails with 40001 at every isolation level (PostgreSQL's READ
 * COMMITTED would evaluate the clauses again on the newest version); an inserted key taken by then is
 * 23505, as for INSERT.
 */
final class MergeExecutor {
    private final StatementContext cx;
    private final Transaction txn;

    MergeExecutor(StatementContext cx, Transaction txn) {
        this.cx = cx;
        this.txn = txn;
    }

    /** The query the MERGE runs as, compiled once per catalog version. */
    static CompiledQuery query(StatementContext cx, TableDef table) {
        return cx.queries().compile(s -> MergeQueries.source((Statement.Merge) s, table));
    }

    long merge(Statement.Merge merge, Object[] params) {
        TableDef table = SchemaLocks.forWrite(cx, txn, merge.table());
        int n = table.columns().size();
        List<int[]> targets = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int offset = n + 1;
        for (Statement.MergeClause clause : merge.clauses()) {
            int[] t = MergeQueries.targets(table, clause);
            if (clause.action() == Statement.MergeAction.UPDATE) {
                for (int column : t) {
                    if (Arrays.stream(table.primaryKey()).anyMatch(k -> k == column)) {
                        throw SqlError.unsupported("MERGE UPDATE of a primary key column (" + table.column(column).name() + ")");
                    }
                }
            }
            targets.add(t);
            offsets.add(offset);
            offset += t.length;
        }
        CompiledQuery q = query(cx, table);
        TableWriter writer = new TableWriter(table, txn);
        TableRows rows = writer.rows();
        TableExpressions expressions = TableExpressions.of(cx, table);
        Object[] defaults = null;
        Set<ByteBuffer> touched = new HashSet<>();
        Map<ByteBuffer, Object[]> olds = new LinkedHashMap<>();
        Map<ByteBuffer, Object[]> updated = new LinkedHashMap<>();
        Map<ByteBuffer, Object[]> inserted = new LinkedHashMap<>();
        Object[] internal = ValueCoercion.toInternal(params, q.parameterTypes());
        try (RowIterator it = q.execute(cx.planContext(txn, internal))) {
            while (it.next()) {
                Object[] result = it.current();
                int action = ((Number) result[n]).intValue();
                if (action == 0) {
                    continue;
                }
                Statement.MergeClause clause = merge.clauses().get(action - 1);
                int[] columns = targets.get(action - 1);
                int first = offsets.get(action - 1);
                if (clause.matched()) {
                    Object[] old = Arrays.copyOf(result, n);
                    byte[] key = rows.key(old);
                    ByteBuffer k = ByteBuffer.wrap(key);
                    if (!touched.add(k)) {
                        throw new SqlError(SqlError.CARDINALITY_VIOLATION, "MERGE would change a row of " + table.name()
                                + " twice: more than one source row matches it");
                    }
                    byte[] latest = txn.getForUpdate(key);
                    if (latest == null || txn.changedSinceRead(key)) {
                        throw new SqlError(SqlError.SERIALIZATION_FAILURE, "A row MERGE matched in " + table.name()
                                + " was changed by a concurrent transaction; retry the statement");
                    }
                    olds.put(k, old);
                    if (clause.action() == Statement.MergeAction.UPDATE) {
                        Object[] row = old.clone();
                        set(table, row, columns, result, first, q);
                        expressions.generate(cx, txn, table, row);
                        DmlExecutor.checkNotNull(table, row);
                        expressions.check(cx, txn, table, row);
                        updated.put(k, row);
                    }
                } else {
                    if (defaults == null) {
                        defaults = expressions.defaults(cx, txn, table);
                    }
                    Object[] row = defaults.clone();
                    set(table, row, columns, result, first, q);
                    DmlExecutor.generateKeys(cx, table, row);
                    expressions.generate(cx, txn, table, row);
                    DmlExecutor.checkNotNull(table, row);
                    byte[] key = rows.key(row);
                    ByteBuffer k = ByteBuffer.wrap(key);
                    if (touched.contains(k) || inserted.containsKey(k) || DmlExecutor.lockedLatest(txn, key) != null) {
                        throw DmlExecutor.duplicate(table, row);
                    }
                    expressions.check(cx, txn, table, row);
                    inserted.put(k, row);
                }
            }
        }
        apply(table, writer, olds, updated, inserted);
        return olds.size() + inserted.size();
    }

    /**
     * Checks every unique value against the rows as the statement leaves them, and the foreign keys
     * on both sides, then writes (and applies the referential actions).
     */
    private void apply(TableDef table, TableWriter writer, Map<ByteBuffer, Object[]> olds, Map<ByteBuffer, Object[]> updated,
                       Map<ByteBuffer, Object[]> inserted) {
        for (Object[] old : olds.values()) {
            writer.release(old);
        }
        for (Map.Entry<ByteBuffer, Object[]> e : updated.entrySet()) {
            writer.checkUnique(e.getKey().array(), e.getValue());
        }
        for (Map.Entry<ByteBuffer, Object[]> e : inserted.entrySet()) {
            writer.checkUnique(e.getKey().array(), e.getValue());
        }
        List<Object[]> before = new ArrayList<>();
        List<Object[]> after = new ArrayList<>();
        for (Map.Entry<ByteBuffer, Object[]> e : olds.entrySet()) {
            before.add(e.getValue());
            after.add(updated.get(e.getKey())); // null: deleted
        }
        for (Object[] row : inserted.values()) {
            before.add(null);
            after.add(row);
        }
        ReferentialIntegrity references = ReferentialIntegrity.beforeWrite(cx, txn, table, before, after);
        for (Map.Entry<ByteBuffer, Object[]> e : olds.entrySet()) {
            Object[] row = updated.get(e.getKey());
            if (row == null) {
                writer.delete(e.getKey().array(), e.getValue());
            } else {
                writer.write(e.getKey().array(), row, e.getValue());
            }
        }
        for (Map.Entry<ByteBuffer, Object[]> e : inserted.entrySet()) {
            writer.write(e.getKey().array(), e.getValue(), null);
        }
        references.afterWrite();
    }

    /** Sets {@code columns} of {@code row} to the clause's values, read from {@code result} from {@code first} on. */
    private static void set(TableDef table, Object[] row, int[] columns, Object[] result, int first, CompiledQuery q) {
        for (int j = 0; j < columns.length; j++) {
            Object external = ValueCoercion.toExternal(result[first + j], q.columns().get(first + j).type());
            row[columns[j]] = ValueCoercion.toInternal(external, table.types()[columns[j]]);
        }
    }
}
