package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;

/**
 * A SELECT. One row by its full primary key runs as a key lookup without Calcite; otherwise it runs
 * through the plan it shares with texts that differ from it only in literals when one fits, else
 * through its own compiled plan.
 */
final class QueryRunner implements StatementRunner {
    private final Statement.Query query;
    private PointLookup point;
    private long pointVersion = Long.MIN_VALUE;

    QueryRunner(Statement.Query query) {
        this.query = query;
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public List<ResultColumn> columns(StatementContext cx) {
        PointLookup p = pointLookup(cx.catalog(), cx.schema());
        return p != null ? KeyAccess.columns(p) : compiled(cx).columns();
    }

    @Override
    public List<ColumnType> parameterTypes(StatementContext cx) {
        PointLookup p = pointLookup(cx.catalog(), cx.schema());
        if (p == null) {
            return compiled(cx).parameterTypes();
        }
        ColumnType[] types = new ColumnType[query.parameterCount()];
        for (int i = 0; i < p.keyValues().length; i++) {
            if (p.keyValues()[i] instanceof SqlDynamicParam param) {
                types[param.getIndex()] = p.table().types()[p.table().primaryKey()[i]];
            }
        }
        return Arrays.asList(types);
    }

    @Override
    public Result execute(StatementContext cx, KeyRequest keys) {
        Object[] params = cx.parameters();
        PointLookup p = pointLookup(cx.catalog(), cx.schema());
        if (p != null) {
            return KeyAccess.lookup(cx, p, params);
        }
        StatementQueries.SharedPlan shared = cx.queries().sharedPlan();
        if (shared != null) {
            Object[] own = ValueCoercion.toInternal(params, shared.query().parameterTypes());
            Object[] all = Arrays.copyOf(own, own.length + shared.literals().length);
            System.arraycopy(shared.literals(), 0, all, own.length, shared.literals().length);
            return run(cx, shared.query(), all);
        }
        CompiledQuery q = compiled(cx);
        return run(cx, q, ValueCoercion.toInternal(params, q.parameterTypes()));
    }

    private CompiledQuery compiled(StatementContext cx) {
        return cx.queries().compile(s -> ((Statement.Query) s).node());
    }

    private static QueryResult run(StatementContext cx, CompiledQuery q, Object[] internalParams) {
        TransactionScopes.ReadScope scope = cx.scopes().read(false);
        try {
            RowIterator rows = q.execute(cx.planContext(scope.transaction(), internalParams).readsInto(scope.tables()::add));
            return PlanRows.result(q.columns(), rows, scope.onClose());
        } catch (RuntimeException e) {
            scope.onClose().run();
            throw e;
        }
    }

    /** The point lookup this SELECT is, for the current catalog, or null. */
    private PointLookup pointLookup(CatalogView view, String schema) {
        if (view.version() != pointVersion || view.version() < 0) {
            point = PointLookup.select(query.node(), view, schema);
            pointVersion = view.version();
        }
        return point;
    }
}
