package dev.lightningdb.sql.parser;

import static dev.lightningdb.sql.parser.ExpressionBuilder.name;
import static dev.lightningdb.sql.parser.ExpressionBuilder.pos;

import dev.lightningdb.sql.ast.SqlTrees;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Turns {@code OVER (...)}, {@code OVER w} and the {@code WINDOW w AS (...)} clause into Calcite's
 * {@link SqlWindow}s: Calcite validates and plans window functions (ranking, aggregates over frames,
 * LAG/LEAD, FIRST_VALUE/LAST_VALUE). Children are visited in textual order, as the parameters
 * are numbered.
 */
final class WindowBuilder {
    private final ExpressionBuilder expressions;
    private final QueryBuilder queries;

    WindowBuilder(ExpressionBuilder expressions, QueryBuilder queries) {
        this.expressions = expressions;
        this.queries = queries;
    }

    /** {@code call OVER window}, or {@code call} itself when there is no OVER clause. */
    SqlNode over(SqlCall call, OverClauseContext over) {
        if (over == null) {
            return call;
        }
        SqlParserPos p = pos(over);
        SqlNode window = over.identifier() != null
                ? new SqlIdentifier(name(over.identifier()), pos(over.identifier()))
                : window(null, over.windowSpecification());
        String function = call.getOperator().getName();
        if (call.operandCount() == 0 && function.equals("PERCENT_RANK")) {
            return RankDistributions.percentRank(window, p);
        }
        if (call.operandCount() == 0 && function.equals("CUME_DIST")) {
            return RankDistributions.cumeDist(window, p);
        }
        return SqlStdOperatorTable.OVER.createCall(p, call, window);
    }

    /** The {@code WINDOW} clause of a SELECT: named windows the OVER clauses may refer to. */
    SqlNodeList declarations(QuerySpecificationContext ctx) {
        if (ctx.WINDOW() == null) {
            return SqlNodeList.EMPTY;
        }
        SqlNodeList list = new SqlNodeList(pos(ctx.WINDOW().getSymbol()));
        for (WindowDefinitionContext d : ctx.windowDefinition()) {
            list.add(window(new SqlIdentifier(name(d.identifier()), pos(d.identifier())), d.windowSpecification()));
        }
        return list;
    }

    /**
     * Writes out the named window of {@code OVER (w ROWS ...)}: Calcite 1.42 drops the frame of a window
     * that refers to one of the WINDOW clause, so such a window gets the partitioning and order of the
     * one it names (a copy: a node is never shared).
     */
    void inlineFramedReferences(SqlSelect select) {
        SqlNodeList declarations = select.getWindowList();
        if (declarations.isEmpty()) {
            return;
        }
        select.getSelectList().accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER && call.operand(1) instanceof SqlWindow w && w.getRefName() != null
                        && w.getLowerBound() != null) {
                    SqlWindow named = declared(declarations, w.getRefName().getSimple());
                    if (named != null && named.getRefName() == null) {
                        SqlNodeList partitions = w.getPartitionList().isEmpty() ? SqlTrees.copy(named.getPartitionList()) : w.getPartitionList();
                        SqlNodeList order = w.getOrderList().isEmpty() ? SqlTrees.copy(named.getOrderList()) : w.getOrderList();
                        call.setOperand(1, SqlWindow.create(null, null, partitions, order, SqlLiteral.createBoolean(w.isRows(),
                                w.getParserPosition()), w.getLowerBound(), w.getUpperBound(),
                                SqlLiteral.createBoolean(w.isAllowPartial(), w.getParserPosition()), w.getParserPosition()));
                    }
                }
                return super.visit(call);
            }
        });
    }

    private static SqlWindow declared(SqlNodeList declarations, String name) {
        for (SqlNode d : declarations) {
            if (d instanceof SqlWindow w && w.getDeclName() != null && w.getDeclName().getSimple().equals(name)) {
                return w;
            }
        }
        return null;
    }

    private SqlWindow window(SqlIdentifier declName, WindowSpecificationContext ctx) {
        SqlParserPos p = pos(ctx);
        SqlIdentifier ref = ctx.existing == null ? null : new SqlIdentifier(name(ctx.existing), pos(ctx.existing));
        SqlNodeList partitions = new SqlNodeList(p);
        for (ExpressionContext e : ctx.partitions) {
            partitions.add(expressions.expression(e));
        }
        SqlNodeList order = ctx.orderBy() == null ? SqlNodeList.EMPTY : queries.orderBy(ctx.orderBy());
        WindowFrameContext frame = ctx.windowFrame();
        SqlLiteral rows = SqlLiteral.createBoolean(frame != null && frame.unit.getType() == LightningSqlLexer.ROWS, p);
        SqlNode lower = null;
        SqlNode upper = null;
        if (frame != null) {
            lower = bound(frame.lower);
            // "ROWS n PRECEDING" alone ends at the current row (the standard's shorthand)
            upper = frame.upper != null ? bound(frame.upper) : SqlWindow.createCurrentRow(pos(frame));
        }
        return SqlWindow.create(declName, ref, partitions, order, rows, lower, upper, SqlLiteral.createBoolean(true, p), p);
    }

    private SqlNode bound(FrameBoundContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof UnboundedPrecedingContext) {
            return SqlWindow.createUnboundedPreceding(p);
        }
        if (ctx instanceof UnboundedFollowingContext) {
            return SqlWindow.createUnboundedFollowing(p);
        }
        if (ctx instanceof CurrentRowContext) {
            return SqlWindow.createCurrentRow(p);
        }
        OffsetBoundContext offset = (OffsetBoundContext) ctx;
        SqlNode value = expressions.value(offset.valueExpression());
        return offset.PRECEDING() != null ? SqlWindow.createPreceding(value, p) : SqlWindow.createFollowing(value, p);
    }
}
