package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.storage.TableRows;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Runs {@code SELECT ... FOR UPDATE / FOR SHARE}: the query is run with the primary key of each
 * locked table appended as hidden columns, and each row's table rows are locked as it is read.
 *
 * <p>Under READ COMMITTED a locked row that a commit changed after the statement's snapshot makes
 * the whole query run again on the newest state (the rows locked so far stay locked, so it ends):
 * what it returns is the newest version of each row, its WHERE condition checked on that version,
 * as PostgreSQL does. Under SNAPSHOT and SERIALIZABLE such a row is a serialization failure
 * (40001). OFFSET and LIMIT count only rows locked, so with SKIP LOCKED {@code LIMIT 1} returns the
 * first row nobody else holds (a job queue). Rows skipped by OFFSET are locked too, as in PostgreSQL.
 */
final class LockingReads {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private LockingReads() {
    }

    /** A locked table of the FROM clause: its rows' primary keys are the hidden columns from {@code firstColumn}. */
    private record Target(TableDef table, TableRows rows, List<String> qualifier, int firstColumn) {
        byte[] key(Object[] result) {
            Object[] row = new Object[table.columns().size()];
            int[] pk = table.primaryKey();
            for (int i = 0; i < pk.length; i++) {
                row[pk[i]] = result[firstColumn + i];
                if (row[pk[i]] == null) {
                    return null; // the NULL side of an outer join: no row to lock
                }
            }
            return rows.key(row);
        }
    }

    /** The plan (with hidden key columns) and the locked tables, for one catalog version. */
    record Plan(CompiledQuery query, List<Target> targets, int visible) {
        List<ResultColumn> columns() {
            return query.columns().subList(0, visible);
        }
    }

    static Plan plan(StatementContext cx) {
        CatalogView catalog = cx.catalog();
        CompiledQuery q = cx.queries().compile(s -> withKeys(((Statement.LockingQuery) s).node(), catalog, cx.schema(),
                ((Statement.LockingQuery) s).locking(), new ArrayList<>()));
        List<Target> relative = new ArrayList<>();
        Statement.LockingQuery fresh = (Statement.LockingQuery) SqlParser.parse(cx.queries().sql(), cx.schema());
        withKeys(fresh.node(), catalog, cx.schema(), fresh.locking(), relative);
        int hidden = 0;
        for (Target t : relative) {
            hidden += t.table().primaryKey().length;
        }
        int visible = q.columns().size() - hidden;
        List<Target> targets = new ArrayList<>();
        for (Target t : relative) {
            targets.add(new Target(t.table(), t.rows(), t.qualifier(), visible + t.firstColumn()));
        }
        return new Plan(q, targets, visible);
    }

    static QueryResult run(StatementContext cx, Plan plan, Statement.LockingQuery query) {
        Object[] params = cx.parameters();
        CompiledQuery q = plan.query();
        List<Target> targets = plan.targets();
        int visible = plan.visible();
        Statement.Locking locking = query.locking();
        long offset = rowCount(locking.offset(), params, 0);
        long fetch = rowCount(locking.fetch(), params, Long.MAX_VALUE);
        List<ResultColumn> columns = plan.columns();
        LockMode mode = locking.exclusive() ? LockMode.EXCLUSIVE : LockMode.SHARED;
        LockWait wait = switch (locking.waitPolicy()) {
            case WAIT -> LockWait.WAIT;
            case NOWAIT -> LockWait.NOWAIT;
            case SKIP_LOCKED -> LockWait.SKIP_LOCKED;
        };
        return cx.scopes().write(t -> {
            while (true) {
                List<Object[]> out = locked(cx, q, t, params, targets, mode, wait, offset, fetch);
                if (out != null) {
                    List<Object[]> external = new ArrayList<>(out.size());
                    for (Object[] row : out) {
                        Object[] e = new Object[visible];
                        for (int i = 0; i < visible; i++) {
                            e[i] = ValueCoercion.toExternal(row[i], columns.get(i).type());
                        }
                        external.add(e);
                    }
                    return QueryResult.of(columns, external);
                }
                t.beginStatement(); // READ COMMITTED: again on the newest state
            }
        });
    }

    /** The rows locked, past OFFSET and up to LIMIT; null when a locked row changed since the statement's snapshot (run again). */
    private static List<Object[]> locked(StatementContext cx, CompiledQuery q, Transaction t, Object[] params,
                                         List<Target> targets, LockMode mode, LockWait wait, long offset, long fetch) {
        List<Object[]> out = new ArrayList<>();
        long skipped = 0;
        Object[] internal = ValueCoercion.toInternal(params, q.parameterTypes());
        try (RowIterator it = q.execute(cx.planContext(t, internal))) {
            rows:
            while (out.size() < fetch && it.next()) {
                Object[] row = it.current();
                for (Target target : targets) {
                    byte[] key = target.key(row);
                    if (key == null) {
                        continue;
                    }
                    if (!t.lock(key, mode, wait)) {
                        continue rows; // SKIP LOCKED
                    }
                    if (t.changedSinceRead(key)) {
                        if (t.isolation() != IsolationLevel.READ_COMMITTED) {
                            throw new ConflictException("could not lock a row of " + target.table().name() + " for " + t.isolation()
                                    + ": a transaction that committed after this one began changed it; retry the transaction");
                        }
                        return null;
                    }
                }
                if (skipped < offset) {
                    skipped++;
                    continue;
                }
                out.add(row.clone());
            }
        }
        return out;
    }

    /** The query with the locked tables' primary keys appended to its select list; fills {@code targets}. */
    private static SqlNode withKeys(SqlNode query, CatalogView catalog, String schema, Statement.Locking locking, List<Target> targets) {
        SqlSelect select = outerSelect(query);
        if (select.getGroup() != null || select.isDistinct() || select.getHaving() != null || aggregates(select.getSelectList())) {
            throw SqlError.unsupported("FOR UPDATE or FOR SHARE with GROUP BY, HAVING, DISTINCT or an aggregate (no single table row stands behind a result row)");
        }
        List<Object[]> tables = new ArrayList<>();
        baseTables(select.getFrom(), catalog, schema, tables);
        int column = 0; // relative to the first hidden column
        SqlNodeList list = select.getSelectList();
        for (Object[] t : tables) {
            TableDef table = (TableDef) t[0];
            @SuppressWarnings("unchecked")
            List<String> qualifier = (List<String>) t[1];
            if (!locking.of().isEmpty() && locking.of().stream().noneMatch(n -> names(n, table, qualifier))) {
                continue;
            }
            targets.add(new Target(table, new TableRows(table), qualifier, column));
            for (int k : table.primaryKey()) {
                List<String> name = new ArrayList<>(qualifier);
                name.add(table.column(k).name());
                // named apart, so that ORDER BY id still means the visible column
                list.add(org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(POS, new SqlIdentifier(name, POS),
                        new SqlIdentifier("$LOCKED_KEY$" + column, POS)));
                column++;
            }
        }
        if (targets.isEmpty()) {
            throw new SqlError(SqlError.UNKNOWN_TABLE, "FOR UPDATE or FOR SHARE: no table of the FROM clause to lock"
                    + (locking.of().isEmpty() ? "" : " is named in OF " + locking.of()));
        }
        return query;
    }

    /** Whether an aggregate function appears among {@code items} (outside subqueries). */
    private static boolean aggregates(SqlNodeList items) {
        for (SqlNode item : items) {
            if (item instanceof org.apache.calcite.sql.SqlCall call && !(call instanceof SqlSelect)) {
                if (call.getOperator().isAggregator()) {
                    return true;
                }
                SqlNodeList operands = new SqlNodeList(POS);
                for (SqlNode o : call.getOperandList()) {
                    if (o != null) {
                        operands.add(o);
                    }
                }
                if (aggregates(operands)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean names(QualifiedName of, TableDef table, List<String> qualifier) {
        String last = qualifier.get(qualifier.size() - 1);
        return of.name().equals(last) || of.equals(table.name());
    }

    private static SqlSelect outerSelect(SqlNode query) {
        if (query instanceof SqlWith with) {
            return outerSelect(with.body);
        }
        if (query instanceof SqlOrderBy orderBy) {
            return outerSelect(orderBy.query);
        }
        if (query instanceof SqlSelect select) {
            return select;
        }
        throw SqlError.unsupported("FOR UPDATE or FOR SHARE on a set operation or VALUES");
    }

    /** The tables of a FROM clause (joins walked, subqueries and unknown names left out), each with the qualifier of its columns. */
    private static void baseTables(SqlNode from, CatalogView catalog, String schema, List<Object[]> out) {
        if (from instanceof SqlJoin join) {
            baseTables(join.getLeft(), catalog, schema, out);
            baseTables(join.getRight(), catalog, schema, out);
        } else if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS && call.operand(0) instanceof SqlIdentifier id) {
            TableDef table = table(id, catalog, schema);
            if (table != null) {
                out.add(new Object[] {table, List.of(((SqlIdentifier) call.operand(1)).getSimple())});
            }
        } else if (from instanceof SqlIdentifier id) {
            TableDef table = table(id, catalog, schema);
            if (table != null) {
                out.add(new Object[] {table, id.names});
            }
        }
    }

    /** The table {@code id} names, a name without schema being in {@code schema}; null if none. */
    static TableDef table(SqlIdentifier id, CatalogView catalog, String schema) {
        List<String> n = id.names;
        if (n.size() > 2) {
            return null;
        }
        return catalog.table(n.size() == 1 ? new QualifiedName(schema, n.get(0)) : new QualifiedName(n.get(0), n.get(1)));
    }

    private static long rowCount(SqlNode node, Object[] params, long absent) {
        if (node == null) {
            return absent;
        }
        Object v = node instanceof SqlDynamicParam p ? params[p.getIndex()] : ((SqlLiteral) node).getValue();
        if (v == null) {
            return absent;
        }
        long n = v instanceof Number num ? num.longValue() : Long.parseLong(v.toString().trim());
        if (n < 0) {
            throw new SqlError(SqlError.DATA_EXCEPTION, "LIMIT and OFFSET must not be negative: " + n);
        }
        return n;
    }
}
