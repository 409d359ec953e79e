package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.UpdateCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;

/**
 * INSERT, UPDATE and DELETE: run by {@link DmlExecutor} in the session's write scope. Their
 * parameters are typed by the query they run as (the WHERE and the new values), or, for a bare
 * {@code ?} in INSERT VALUES, by its target column.
 */
final class DmlRunner implements StatementRunner {
    private final Statement statement;

    DmlRunner(Statement statement) {
        this.statement = statement;
    }

    @Override
    public Result execute(StatementContext cx, KeyRequest keys) {
        if (statement instanceof Statement.Insert insert) {
            DmlExecutor[] ran = new DmlExecutor[1];
            long count = cx.scopes().write(t -> {
                ran[0] = new DmlExecutor(cx, t, keys);
                return ran[0].insert(insert, cx.parameters());
            });
            return new UpdateCount(count, ran[0].generatedKeys());
        }
        if (statement instanceof Statement.Update update) {
            return new UpdateCount(cx.scopes().write(t -> new DmlExecutor(cx, t, keys).update(update, cx.parameters())));
        }
        Statement.Delete delete = (Statement.Delete) statement;
        return new UpdateCount(cx.scopes().write(t -> new DmlExecutor(cx, t, keys).delete(delete, cx.parameters())));
    }

    @Override
    public List<ColumnType> parameterTypes(StatementContext cx) {
        CatalogView view = cx.catalog();
        CompiledQuery q;
        if (statement instanceof Statement.Insert insert) {
            TableDef table = view.require(insert.table());
            int[] targets = DmlExecutor.targetColumns(table, insert.columns());
            if (insert.query() == null && Literals.allSimple(insert.rows())) {
                ColumnType[] types = new ColumnType[insert.parameterCount()];
                for (List<SqlNode> row : insert.rows()) {
                    for (int c = 0; c < row.size() && c < targets.length; c++) {
                        if (row.get(c) instanceof SqlDynamicParam p) {
                            types[p.getIndex()] = table.types()[targets[c]];
                        }
                    }
                }
                return Arrays.asList(types);
            }
            ColumnType[] targetTypes = DmlQueries.targetTypes(table, targets);
            q = cx.queries().compile(st -> DmlQueries.insertSource((Statement.Insert) st, targetTypes));
        } else if (statement instanceof Statement.Update update) {
            TableDef table = view.require(update.table());
            List<Integer> targets = new ArrayList<>();
            for (String name : update.columns()) {
                targets.add(table.requireColumn(name));
            }
            q = cx.queries().compile(st -> {
                Statement.Update u = (Statement.Update) st;
                return DmlQueries.updateSource(table, u.alias(), targets, u.values(), u.where());
            });
        } else {
            Statement.Delete delete = (Statement.Delete) statement;
            if (delete.where() == null) {
                return List.of();
            }
            TableDef table = view.require(delete.table());
            q = cx.queries().compile(st -> {
                Statement.Delete d = (Statement.Delete) st;
                return DmlQueries.deleteSource(table, d.alias(), d.where());
            });
        }
        return q.parameterTypes();
    }
}
