package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.List;

/** The rows of a compiled plan as a {@link QueryResult}, converted to external values as they are read. */
final class PlanRows implements QueryResult.RowSource {
    private final List<ResultColumn> columns;
    private final RowIterator rows;

    private PlanRows(List<ResultColumn> columns, RowIterator rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static QueryResult result(List<ResultColumn> columns, RowIterator rows, Runnable onClose) {
        return QueryResult.of(columns, new PlanRows(columns, rows), onClose);
    }

    @Override
    public Object[] next() {
        if (!rows.next()) {
            return null;
        }
        Object[] internal = rows.current();
        Object[] external = new Object[columns.size()];
        for (int i = 0; i < external.length; i++) {
            external[i] = ValueCoercion.toExternal(internal[i], columns.get(i).type());
        }
        return external;
    }

    @Override
    public void close() {
        rows.close();
    }
}
