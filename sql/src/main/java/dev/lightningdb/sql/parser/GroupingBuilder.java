package dev.lightningdb.sql.parser;

import static dev.lightningdb.sql.parser.ExpressionBuilder.pos;

import dev.lightningdb.sql.parser.LightningSqlParser.*;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns a GROUP BY list into Calcite's form: plain expressions, {@code ROLLUP(...)}, {@code CUBE(...)},
 * {@code GROUPING SETS(...)}, {@code (a, b)} as a ROW and {@code ()} as an empty list (the grand
 * total), as Calcite's own parser builds them.
 */
final class GroupingBuilder {
    private final ExpressionBuilder expressions;

    GroupingBuilder(ExpressionBuilder expressions) {
        this.expressions = expressions;
    }

    SqlNodeList groupBy(QuerySpecificationContext ctx) {
        if (ctx.GROUP() == null) {
            return null;
        }
        SqlNodeList groupBy = new SqlNodeList(pos(ctx.GROUP().getSymbol()));
        for (GroupingElementContext e : ctx.groupItems) {
            groupBy.add(element(e));
        }
        return groupBy;
    }

    private SqlNode element(GroupingElementContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof RollupContext r) {
            return SqlStdOperatorTable.ROLLUP.createCall(columnsList(r.groupingColumns(), p));
        }
        if (ctx instanceof CubeContext c) {
            return SqlStdOperatorTable.CUBE.createCall(columnsList(c.groupingColumns(), p));
        }
        if (ctx instanceof GroupingSetsContext s) {
            SqlNodeList sets = new SqlNodeList(p);
            for (GroupingElementContext e : s.groupingElement()) {
                sets.add(element(e));
            }
            return SqlStdOperatorTable.GROUPING_SETS.createCall(sets);
        }
        return columns(((OrdinaryGroupingContext) ctx).groupingColumns());
    }

    private SqlNodeList columnsList(List<GroupingColumnsContext> list, SqlParserPos p) {
        SqlNodeList nodes = new SqlNodeList(p);
        for (GroupingColumnsContext c : list) {
            nodes.add(columns(c));
        }
        return nodes;
    }

    private SqlNode columns(GroupingColumnsContext ctx) {
        List<ExpressionContext> list = ctx.expression();
        if (list.isEmpty()) {
            return new SqlNodeList(pos(ctx));
        }
        if (list.size() == 1 && ctx.LPAREN() == null) {
            return expressions.expression(list.get(0));
        }
        SqlNode[] cells = new SqlNode[list.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = expressions.expression(list.get(i));
        }
        return SqlStdOperatorTable.ROW.createCall(pos(ctx), cells);
    }
}
