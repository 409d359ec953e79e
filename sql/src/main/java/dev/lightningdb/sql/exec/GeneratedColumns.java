package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.CompiledQuery;
import dev.lightningdb.sql.plan.RowIterator;
import dev.lightningdb.sql.result.SqlError;
import dev.lightningdb.sql.types.ValueCoercion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The generated columns of one table definition ({@code b INT GENERATED ALWAYS AS (a * 2)}). They
 * are stored: every INSERT and UPDATE computes them from the rest of the row, after the assigned
 * values and before NOT NULL, CHECK and key checks, so they can be indexed and read like any column.
 *
 * <p>Invariants: an expression names only its table's columns that are not generated themselves
 * (so one pass computes all of them, in any order), has no subquery and no aggregate; a statement
 * never assigns a generated column (428C9, as PostgreSQL).
 */
final class GeneratedColumns {
    static final String GENERATED_ALWAYS = "428C9";
    private static final GeneratedColumns NONE = new GeneratedColumns(new int[0], null);

    /** Positions of the generated columns, in table order. */
    private final int[] columns;
    /** {@code SELECT e1, e2, ... FROM (VALUES (?, ...)) AS t (c1, ...)}, or null when there are none. */
    private final CompiledQuery query;

    private GeneratedColumns(int[] columns, CompiledQuery query) {
        this.columns = columns;
        this.query = query;
    }

    static GeneratedColumns compile(StatementContext cx, TableDef table) {
        List<Integer> positions = new ArrayList<>();
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef c = table.column(i);
            if (c.isGenerated()) {
                validate(table, c);
                positions.add(i);
                select.append(select.length() == 0 ? "SELECT " : ", ").append('(').append(c.generatedSql()).append(')');
            }
        }
        if (positions.isEmpty()) {
            return NONE;
        }
        String sql = select + TableExpressions.rowSource(table);
        CompiledQuery q = cx.services().planner().compile(((Statement.Query) SqlParser.parse(sql)).node(), cx.catalog());
        return new GeneratedColumns(positions.stream().mapToInt(Integer::intValue).toArray(), q);
    }

    /** Sets every generated column of {@code row} (internal values) from its other columns. */
    void fill(StatementContext cx, Transaction txn, TableDef table, Object[] row) {
        if (query == null) {
            return;
        }
        try (RowIterator it = query.execute(cx.planContext(txn, TableExpressions.rowParameters(table, row, query)))) {
            it.next();
            Object[] values = it.current();
            for (int i = 0; i < columns.length; i++) {
                Object external = ValueCoercion.toExternal(values[i], query.columns().get(i).type());
                row[columns[i]] = ValueCoercion.toInternal(external, table.types()[columns[i]]);
            }
        }
    }

    /** Fails with 428C9 when {@code position} is a generated column, which a statement may not assign. */
    static void requireAssignable(TableDef table, int position) {
        ColumnDef c = table.column(position);
        if (c.isGenerated()) {
            throw new SqlError(GENERATED_ALWAYS, "Column " + c.name() + " of table " + table.name() + " is generated (AS ("
                    + c.generatedSql() + ")): it cannot be assigned");
        }
    }

    /**
     * Fails with 428C9 when an INSERT without a column list gives a value for every column: the
     * generated ones among them cannot be assigned (such an INSERT lists only the others).
     */
    static void requireNotAllColumns(TableDef table, List<String> insertColumns, int width) {
        if (insertColumns.isEmpty() && width == table.columns().size()) {
            for (int i = 0; i < width; i++) {
                requireAssignable(table, i);
            }
        }
    }

    /** The columns an INSERT without a column list fills: the declared ones (not a hidden row id) but the generated. */
    static int[] insertable(TableDef table) {
        return java.util.stream.IntStream.range(table.firstDeclaredColumn(), table.columns().size()).filter(i -> !table.column(i).isGenerated()).toArray();
    }

    /** The generated column whose expression names {@code column}, or null. */
    static ColumnDef dependent(TableDef table, String column) {
        for (ColumnDef c : table.columns()) {
            if (c.isGenerated() && CheckColumns.mentions(c.generatedSql(), column)) {
                return c;
            }
        }
        return null;
    }

    private static void validate(TableDef table, ColumnDef column) {
        for (int k : table.primaryKey()) {
            if (table.column(k) == column) {
                throw SqlError.unsupported("A generated column in the primary key (column " + column.name() + ")");
            }
        }
        for (ColumnDef other : table.columns()) {
            if (other.isGenerated() && CheckColumns.mentions(column.generatedSql(), other.name())) {
                throw new SqlError(SqlError.SYNTAX, "Generated column " + column.name() + " cannot refer to generated column " + other.name());
            }
        }
        Statement parsed = SqlParser.parse("SELECT (" + column.generatedSql() + ")");
        if (!(parsed instanceof Statement.Query q) || !(q.node() instanceof SqlSelect s) || s.getSelectList().size() != 1
                || q.parameterCount() > 0) {
            throw new SqlError(SqlError.SYNTAX, "Invalid generation expression of column " + column.name() + ": " + column.generatedSql());
        }
        s.getSelectList().get(0).accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.SELECT || call.getOperator().isAggregator() || call.getKind() == SqlKind.NEXT_VALUE) {
                    throw new SqlError(SqlError.SYNTAX, "The generation expression of column " + column.name()
                            + " may not contain a subquery, an aggregate or a sequence: " + column.generatedSql());
                }
                return super.visit(call);
            }
        });
    }
}
