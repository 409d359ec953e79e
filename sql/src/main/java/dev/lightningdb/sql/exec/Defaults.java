package dev.lightningdb.sql.exec;

import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Evaluates DEFAULT expressions. Constant defaults (literals) are evaluated once per table
 * definition and cached; others (e.g. CURRENT_TIMESTAMP) run through Calcite for each statement.
 */
final class Defaults {
    private static final Map<TableDef, Object[]> CONSTANT = new WeakHashMap<>();
    private static final Object[] NOT_CONSTANT = new Object[0];

    private Defaults() {
    }

    /** Internal default values by column position (null where there is no default). */
    static Object[] of(TableDef table, Session session) {
        Object[] cached;
        synchronized (CONSTANT) {
            cached = CONSTANT.get(table);
        }
        if (cached != null && cached != NOT_CONSTANT) {
            return cached;
        }
        Object[] values = new Object[table.columns().size()];
        boolean constant = true;
        for (int i = 0; i < values.length; i++) {
            ColumnDef c = table.column(i);
            if (c.defaultSql() != null) {
                SqlNode expr = expression(c.defaultSql());
                constant &= Literals.isSimple(expr);
                values[i] = ValueCoercion.toInternal(evaluate(expr, c.defaultSql(), session), c.type());
            }
        }
        synchronized (CONSTANT) {
            CONSTANT.put(table, constant ? values : NOT_CONSTANT);
        }
        return values;
    }

    /** Checks that a DEFAULT expression evaluates and fits its column; used by CREATE TABLE. */
    static void check(ColumnDef column, Session session) {
        SqlNode expr = expression(column.defaultSql());
        ValueCoercion.toInternal(evaluate(expr, column.defaultSql(), session), column.type());
    }

    private static SqlNode expression(String sql) {
        Statement parsed = SqlParser.parse("SELECT " + sql);
        if (!(parsed instanceof Statement.Query q) || !(q.node() instanceof SqlSelect select)
                || select.getSelectList().size() != 1 || select.getFrom() != null || q.parameterCount() > 0) {
            throw new SqlError(SqlError.SYNTAX, "Invalid DEFAULT expression: " + sql);
        }
        return select.getSelectList().get(0);
    }

    private static Object evaluate(SqlNode expr, String sql, Session session) {
        if (Literals.isSimple(expr)) {
            return Literals.value(expr, new Object[0]);
        }
        Prepared p = session.prepare("SELECT " + sql);
        try (QueryResult r = (QueryResult) p.execute(new Object[0], new java.util.concurrent.atomic.AtomicBoolean())) {
            if (!r.next()) {
                throw new SqlError(SqlError.SYNTAX, "DEFAULT expression returned no value: " + sql);
            }
            return r.get(0);
        }
    }
}
