package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.misc.Interval;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns a {@code statement} parse tree into a {@link Statement}. One instance per statement. */
final class StatementBuilder {
    private final ExpressionBuilder expressions;
    private final SchemaNames schemaNames;

    /** A builder for a statement of a session whose current schema is {@code schema}. */
    StatementBuilder(String schema) {
        this.schemaNames = new SchemaNames(schema);
        this.expressions = new ExpressionBuilder(schemaNames);
    }

    Statement build(StatementContext ctx) {
        if (ctx.lockingQuery() != null) {
            return LockingClauses.build(expressions, ctx.lockingQuery());
        }
        if (ctx.query() != null) {
            SqlNode q = expressions.query(ctx.query());
            return new Statement.Query(q, expressions.parameterCount());
        }
        Statement ddl = new DdlBuilder(schemaNames).build(ctx);
        if (ddl != null) {
            return ddl;
        }
        if (ctx.insertStatement() != null) {
            return insert(ctx.insertStatement());
        }
        if (ctx.updateStatement() != null) {
            return update(ctx.updateStatement());
        }
        if (ctx.deleteStatement() != null) {
            DeleteStatementContext d = ctx.deleteStatement();
            String alias = d.alias == null ? null : ExpressionBuilder.name(d.alias);
            SqlNode where = d.where == null ? null : expressions.expression(d.where);
            return new Statement.Delete(tableName(d.tableName()), alias, where, expressions.parameterCount());
        }
        if (ctx.explainStatement() != null) {
            SqlNode q = expressions.query(ctx.explainStatement().query());
            return new Statement.Explain(q, expressions.parameterCount());
        }
        if (ctx.putStatement() != null) {
            return put(ctx.putStatement());
        }
        if (ctx.getStatement() != null) {
            return get(ctx.getStatement());
        }
        if (ctx.scanStatement() != null) {
            return scan(ctx.scanStatement());
        }
        if (ctx.showStatement() != null) {
            return ShowBuilder.build(ctx.showStatement(), schemaNames);
        }
        if (ctx.callStatement() != null) {
            return call(ctx.callStatement());
        }
        if (ctx.mergeStatement() != null) {
            return new MergeBuilder(expressions, schemaNames).build(ctx.mergeStatement());
        }
        if (ctx.checkpointStatement() != null) {
            return new Statement.Checkpoint();
        }
        if (ctx.setStatement() != null) {
            SetStatementContext set = ctx.setStatement();
            List<String> values = new ArrayList<>();
            for (SetValueContext v : set.setValue()) {
                values.add(v.identifier() != null ? ExpressionBuilder.name(v.identifier())
                        : v.STRING_LITERAL() != null ? LiteralBuilder.unquote(v.getText()) : v.getText());
            }
            return new Statement.SetOption(ExpressionBuilder.name(set.setting), values);
        }
        return new Statement.VerifyIntegrity();
    }

    private QualifiedName tableName(TableNameContext ctx) {
        return schemaNames.table(ctx);
    }

    private Statement insert(InsertStatementContext ctx) {
        List<String> columns = names(ctx.identifier());
        SqlNode query = null;
        List<List<SqlNode>> rows = List.of();
        if (ctx.query() != null) {
            query = expressions.query(ctx.query());
        } else {
            rows = rows(ctx.valuesRow());
        }
        Statement.OnConflict action = Statement.OnConflict.ERROR;
        List<String> updateColumns = new ArrayList<>();
        List<SqlNode> updateValues = new ArrayList<>();
        OnConflictContext conflict = ctx.onConflict();
        if (conflict != null) {
            action = conflict.NOTHING() != null ? Statement.OnConflict.NOTHING : Statement.OnConflict.UPDATE;
            for (AssignmentContext a : conflict.assignment()) {
                updateColumns.add(assignedColumn(a, ctx.tableName(), null));
                updateValues.add(expressions.expression(a.expression()));
            }
        }
        return new Statement.Insert(tableName(ctx.tableName()), columns, rows, query, action, updateColumns, updateValues,
                expressions.parameterCount());
    }

    private Statement put(PutStatementContext ctx) {
        return new Statement.Insert(tableName(ctx.tableName()), names(ctx.identifier()), rows(ctx.valuesRow()), null,
                Statement.OnConflict.REPLACE, List.of(), List.of(), expressions.parameterCount());
    }

    private Statement get(GetStatementContext ctx) {
        List<String> keys = new ArrayList<>();
        List<SqlNode> values = new ArrayList<>();
        for (KeyConditionContext k : ctx.keyCondition()) {
            keys.add(ExpressionBuilder.name(k.identifier()));
            values.add(expressions.value(k.valueExpression()));
        }
        return new Statement.Get(tableName(ctx.tableName()), keys, values, expressions.parameterCount());
    }

    private Statement scan(ScanStatementContext ctx) {
        List<SqlNode> from = ctx.from == null ? null : keyTuple(ctx.from);
        List<SqlNode> to = ctx.to == null ? null : keyTuple(ctx.to);
        SqlNode limit = ctx.limit == null ? null : expressions.expression(ctx.limit);
        return new Statement.Scan(tableName(ctx.tableName()), from, to, limit, ctx.REVERSE() != null, expressions.parameterCount());
    }

    private List<SqlNode> keyTuple(KeyTupleContext ctx) {
        List<SqlNode> values = new ArrayList<>();
        for (ExpressionContext e : ctx.expression()) {
            values.add(expressions.expression(e));
        }
        return values;
    }

    private List<List<SqlNode>> rows(List<ValuesRowContext> rowContexts) {
        List<List<SqlNode>> rows = new ArrayList<>();
        for (ValuesRowContext row : rowContexts) {
            List<SqlNode> values = new ArrayList<>();
            for (ExpressionContext e : row.expression()) {
                values.add(expressions.expression(e));
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<String> names(List<IdentifierContext> ids) {
        List<String> out = new ArrayList<>();
        for (IdentifierContext id : ids) {
            out.add(ExpressionBuilder.name(id));
        }
        return out;
    }

    /** The column an assignment sets; a qualifier must name the target table (by its alias, if it has one). */
    static String assignedColumn(AssignmentContext a, TableNameContext table, IdentifierContext alias) {
        String column = ExpressionBuilder.name(a.column);
        if (a.qualifier != null) {
            String qualifier = ExpressionBuilder.name(a.qualifier);
            List<IdentifierContext> tableParts = table.identifier();
            String expected = ExpressionBuilder.name(alias != null ? alias : tableParts.get(tableParts.size() - 1));
            if (!qualifier.equals(expected)) {
                throw positioned(a, SqlError.UNKNOWN_COLUMN, "Column " + qualifier + "." + column
                        + " is not a column of the updated table " + expected);
            }
        }
        return column;
    }

    private Statement update(UpdateStatementContext ctx) {
        List<String> columns = new ArrayList<>();
        List<SqlNode> values = new ArrayList<>();
        for (AssignmentContext a : ctx.assignment()) {
            String col = assignedColumn(a, ctx.tableName(), ctx.alias);
            if (columns.contains(col)) {
                throw positioned(a, SqlError.SYNTAX, "Column '" + col + "' is assigned twice");
            }
            columns.add(col);
            values.add(expressions.expression(a.expression()));
        }
        String alias = ctx.alias == null ? null : ExpressionBuilder.name(ctx.alias);
        SqlNode where = ctx.where == null ? null : expressions.expression(ctx.where);
        return new Statement.Update(tableName(ctx.tableName()), alias, columns, values, where, expressions.parameterCount());
    }

    static SqlError positioned(org.antlr.v4.runtime.ParserRuleContext ctx, String state, String message) {
        return new SqlError(state, message + " at line " + ctx.getStart().getLine() + ", column "
                + (ctx.getStart().getCharPositionInLine() + 1));
    }

    /** {@code CALL e} is the query {@code SELECT e}: one row, one column (H2 answers it the same way). */
    private Statement call(CallStatementContext ctx) {
        SqlParserPos p = ExpressionBuilder.pos(ctx);
        SqlNodeList items = new SqlNodeList(List.of(expressions.expression(ctx.expression())), p);
        SqlSelect select = new SqlSelect(p, new SqlNodeList(p), items, null, null, null, null, null, null, null, null, null, null);
        return new Statement.Query(select, expressions.parameterCount());
    }
}
