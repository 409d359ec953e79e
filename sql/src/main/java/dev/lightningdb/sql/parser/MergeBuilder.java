package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Turns a {@code MERGE} parse tree into a {@link Statement.Merge}, visiting it in textual order (parameters are numbered so). */
final class MergeBuilder {
    private final ExpressionBuilder expressions;
    private final SchemaNames schemaNames;

    MergeBuilder(ExpressionBuilder expressions, SchemaNames schemaNames) {
        this.expressions = expressions;
        this.schemaNames = schemaNames;
    }

    Statement.Merge build(MergeStatementContext ctx) {
        String alias = ctx.alias == null ? null : ExpressionBuilder.name(ctx.alias);
        SqlNode source = expressions.queries().tableReference(ctx.tableReference());
        SqlNode condition = expressions.expression(ctx.condition);
        List<Statement.MergeClause> clauses = new ArrayList<>();
        for (MergeWhenContext when : ctx.mergeWhen()) {
            clauses.add(when instanceof WhenMatchedContext m ? matched(m, ctx) : notMatched((WhenNotMatchedContext) when));
        }
        return new Statement.Merge(schemaNames.table(ctx.tableName()), alias, source, condition, clauses, expressions.parameterCount());
    }

    private Statement.MergeClause matched(WhenMatchedContext ctx, MergeStatementContext merge) {
        SqlNode condition = ctx.condition == null ? null : expressions.expression(ctx.condition);
        if (ctx.DELETE() != null) {
            return new Statement.MergeClause(true, condition, Statement.MergeAction.DELETE, List.of(), List.of());
        }
        List<String> columns = new ArrayList<>();
        List<SqlNode> values = new ArrayList<>();
        for (AssignmentContext a : ctx.assignment()) {
            String column = StatementBuilder.assignedColumn(a, merge.tableName(), merge.alias);
            if (columns.contains(column)) {
                throw StatementBuilder.positioned(a, dev.lightningdb.sql.result.SqlError.SYNTAX, "Column '" + column + "' is assigned twice");
            }
            columns.add(column);
            values.add(expressions.expression(a.expression()));
        }
        return new Statement.MergeClause(true, condition, Statement.MergeAction.UPDATE, columns, values);
    }

    private Statement.MergeClause notMatched(WhenNotMatchedContext ctx) {
        SqlNode condition = ctx.condition == null ? null : expressions.expression(ctx.condition);
        List<String> columns = new ArrayList<>();
        for (IdentifierContext id : ctx.identifier()) {
            columns.add(ExpressionBuilder.name(id));
        }
        List<SqlNode> values = new ArrayList<>();
        for (ExpressionContext e : ctx.valuesRow().expression()) {
            values.add(expressions.expression(e));
        }
        return new Statement.MergeClause(false, condition, Statement.MergeAction.INSERT, columns, values);
    }
}
