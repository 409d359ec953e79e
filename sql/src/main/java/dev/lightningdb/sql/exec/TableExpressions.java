package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * The CHECK constraints and DEFAULT expressions of one table definition, compiled once and then
 * evaluated per row (CHECK) or per statement (DEFAULT) without the parser or the planner.
 *
 * <p>A definition is immutable and every schema change makes a new one, so the compiled forms are
 * kept by definition (weakly: a definition no longer in use takes them with it). The expressions
 * name only the table's own columns, which a definition fixes, so a plan made for it stays right
 * whatever else the catalog holds.
 */
final class TableExpressions {
    private static final Map<TableDef, TableExpressions> COMPILED = new WeakHashMap<>();

    /** The CHECK constraints, each as a query over one row of parameters. */
    private final List<Check> checks;
    /** By column: the constant default (internal value), or null. */
    private final Object[] constants;
    /** By column: the query a non-constant default runs, or null. */
    private final CompiledQuery[] computed;
    private final GeneratedColumns generated;

    private record Check(ConstraintDef constraint, CompiledQuery query) {
    }

    private TableExpressions(List<Check> checks, Object[] constants, CompiledQuery[] computed, GeneratedColumns generated) {
        this.checks = checks;
        this.constants = constants;
        this.computed = computed;
        this.generated = generated;
    }

    /** The compiled expressions of {@code table}, compiling them on first use. */
    static TableExpressions of(StatementContext cx, TableDef table) {
        synchronized (COMPILED) {
            TableExpressions e = COMPILED.get(table);
            if (e != null) {
                return e;
            }
        }
        TableExpressions e = compile(cx, table);
        synchronized (COMPILED) {
            COMPILED.putIfAbsent(table, e);
            return COMPILED.get(table);
        }
    }

    private static TableExpressions compile(StatementContext cx, TableDef table) {
        List<Check> checks = new ArrayList<>();
        for (ConstraintDef c : table.constraints()) {
            if (c.kind() == ConstraintSpec.Kind.CHECK) {
                checks.add(new Check(c, plan(cx, checkQuery(table, c))));
            }
        }
        Object[] constants = new Object[table.columns().size()];
        CompiledQuery[] computed = new CompiledQuery[constants.length];
        for (int i = 0; i < constants.length; i++) {
            ColumnDef c = table.column(i);
            if (c.defaultSql() != null) {
                SqlNode expr = defaultExpression(c.defaultSql());
                if (Literals.isSimple(expr)) {
                    constants[i] = ValueCoercion.toInternal(Literals.value(expr, new Object[0]), c.type());
                } else {
                    computed[i] = plan(cx, "SELECT " + c.defaultSql());
                }
            }
        }
        return new TableExpressions(checks, constants, computed, GeneratedColumns.compile(cx, table));
    }

    /** Fails with 23514 when {@code row} (internal values) makes a CHECK false. */
    void check(StatementContext cx, Transaction txn, TableDef table, Object[] row) {
        for (Check c : checks) {
            try (RowIterator it = c.query().execute(cx.planContext(txn, rowParameters(table, row, c.query())))) {
                if (it.next() && Boolean.FALSE.equals(it.current()[0])) {
                    throw new SqlError("23514", "Row violates CHECK constraint " + c.constraint().name() + " (" + c.constraint().checkSql()
                            + ") of table " + table.name());
                }
            }
        }
    }

    /** The parameters of {@code query} over a {@link #rowSource} of {@code table}: the values of {@code row} (internal). */
    static Object[] rowParameters(TableDef table, Object[] row, CompiledQuery query) {
        Object[] external = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            external[i] = ValueCoercion.toExternal(row[i], table.types()[i]);
        }
        return ValueCoercion.toInternal(external, query.parameterTypes());
    }

    /** Computes the generated columns of {@code row} (internal values) from its other columns. */
    void generate(StatementContext cx, Transaction txn, TableDef table, Object[] row) {
        generated.fill(cx, txn, table, row);
    }

    /** Whether the table has a CHECK constraint at all. */
    boolean hasChecks() {
        return !checks.isEmpty();
    }

    /** The default of every column (internal values, null where there is none), computed defaults evaluated now. */
    Object[] defaults(StatementContext cx, Transaction txn, TableDef table) {
        Object[] values = constants.clone();
        for (int i = 0; i < values.length; i++) {
            if (computed[i] != null) {
                values[i] = ValueCoercion.toInternal(evaluate(cx, txn, computed[i], table.column(i).defaultSql()), table.column(i).type());
            }
        }
        return values;
    }

    /** Checks that a DEFAULT expression parses, evaluates and fits its column; CREATE and ALTER TABLE call it. */
    static void checkDefault(StatementContext cx, Transaction txn, ColumnDef column) {
        SqlNode expr = defaultExpression(column.defaultSql());
        Object value = Literals.isSimple(expr) ? Literals.value(expr, new Object[0])
                : evaluate(cx, txn, plan(cx, "SELECT " + column.defaultSql()), column.defaultSql());
        ValueCoercion.toInternal(value, column.type());
    }

    private static Object evaluate(StatementContext cx, Transaction txn, CompiledQuery q, String sql) {
        try (RowIterator it = q.execute(cx.planContext(txn, new Object[0]))) {
            if (!it.next()) {
                throw new SqlError(SqlError.SYNTAX, "DEFAULT expression returned no value: " + sql);
            }
            return ValueCoercion.toExternal(it.current()[0], q.columns().get(0).type());
        }
    }

    private static SqlNode defaultExpression(String sql) {
        Statement parsed = SqlParser.parse("SELECT " + sql);
        if (!(parsed instanceof Statement.Query q) || !(q.node() instanceof SqlSelect select)
                || select.getSelectList().size() != 1 || select.getFrom() != null || q.parameterCount() > 0) {
            throw new SqlError(SqlError.SYNTAX, "Invalid DEFAULT expression: " + sql);
        }
        return select.getSelectList().get(0);
    }

    private static CompiledQuery plan(StatementContext cx, String sql) {
        return cx.services().planner().compile(((Statement.Query) SqlParser.parse(sql)).node(), cx.catalog());
    }

    /** {@code SELECT (check) IS NOT FALSE FROM (VALUES (CAST(? AS t1), ...)) AS T (c1, ...)}. */
    private static String checkQuery(TableDef table, ConstraintDef c) {
        return "SELECT (" + c.checkSql() + ") IS NOT FALSE" + rowSource(table);
    }

    /** {@code  FROM (VALUES (CAST(? AS t1), ...)) AS T (c1, ...)}: one row of the table, from parameters. */
    static String rowSource(TableDef table) {
        StringBuilder values = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (ColumnDef col : table.columns()) {
            values.append(values.length() == 0 ? "" : ", ").append("CAST(? AS ").append(col.type().sqlName()).append(')');
            names.append(names.length() == 0 ? "" : ", ").append(quote(col.name()));
        }
        return " FROM (VALUES (" + values + ")) AS " + quote(table.name().name()) + " (" + names + ")";
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
