package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.UpdateCount;
import java.util.List;

/** MERGE: run by {@link MergeExecutor} in the session's write scope; its parameters are typed by the query it runs as. */
final class MergeRunner implements StatementRunner {
    private final Statement.Merge statement;

    MergeRunner(Statement.Merge statement) {
        this.statement = statement;
    }

    @Override
    public Result execute(StatementContext cx, KeyRequest keys) {
        return new UpdateCount(cx.scopes().write(t -> new MergeExecutor(cx, t).merge(statement, cx.parameters())));
    }

    @Override
    public List<ColumnType> parameterTypes(StatementContext cx) {
        return MergeExecutor.query(cx, cx.catalog().require(statement.table())).parameterTypes();
    }
}
