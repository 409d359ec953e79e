package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.ResultColumn;
import java.util.List;

/** {@code SELECT ... FOR UPDATE} and its kin: planned by {@link LockingReads} once per catalog version. */
final class LockingQueryRunner implements StatementRunner {
    private final Statement.LockingQuery query;
    private LockingReads.Plan plan;

    LockingQueryRunner(Statement.LockingQuery query) {
        this.query = query;
    }

    @Override
    public boolean returnsRows() {
        return true;
    }

    @Override
    public List<ResultColumn> columns(StatementContext cx) {
        return plan(cx).columns();
    }

    @Override
    public List<ColumnType> parameterTypes(StatementContext cx) {
        return plan(cx).query().parameterTypes();
    }

    @Override
    public Result execute(StatementContext cx, KeyRequest keys) {
        return LockingReads.run(cx, plan(cx), query);
    }

    private LockingReads.Plan plan(StatementContext cx) {
        long version = cx.catalog().version();
        if (plan == null || plan.query().catalogVersion() != version || version < 0) {
            plan = LockingReads.plan(cx);
        }
        return plan;
    }
}
