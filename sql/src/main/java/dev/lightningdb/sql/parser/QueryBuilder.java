package dev.lightningdb.sql.parser;

import static dev.lightningdb.sql.parser.ExpressionBuilder.name;
import static dev.lightningdb.sql.parser.ExpressionBuilder.pos;
import static dev.lightningdb.sql.parser.ExpressionBuilder.tableIdentifier;

import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns query parse trees (WITH, set operations, SELECT, FROM and joins, ORDER BY, LIMIT) into Calcite
 * {@link SqlNode}s; the expressions inside them go to the {@link ExpressionBuilder} that owns this
 * builder, which numbers the {@code ?} parameters: both visit children in textual order.
 */
final class QueryBuilder {
    private final ExpressionBuilder expressions;
    private final WindowBuilder windows;
    private final GroupingBuilder grouping;

    QueryBuilder(ExpressionBuilder expressions) {
        this.expressions = expressions;
        this.windows = new WindowBuilder(expressions, this);
        this.grouping = new GroupingBuilder(expressions);
    }

    WindowBuilder windows() {
        return windows;
    }

    SqlNode query(QueryContext ctx) {
        return query(ctx, null);
    }

    /** The query, with {@code trailing} (a LIMIT after a locking clause) as its LIMIT/OFFSET when given. */
    SqlNode query(QueryContext ctx, LimitClauseContext trailing) {
        SqlNodeList with = ctx.withClause() == null ? null : withItems(ctx.withClause());
        SqlNode body = queryExpression(ctx.queryExpression());
        SqlNodeList order = ctx.orderBy() == null ? null : orderBy(ctx.orderBy());
        if (order != null && order.isEmpty()) {
            order = null;
        }
        SqlNode offset = null;
        SqlNode fetch = null;
        if (ctx.limitClause() != null && trailing != null) {
            throw new SqlError(SqlError.SYNTAX, "LIMIT or OFFSET given both before and after the locking clause");
        }
        LimitClauseContext limit = trailing != null ? trailing : ctx.limitClause();
        if (limit != null) {
            // visit in textual order so that parameters are numbered as written
            if (limit.LIMIT() != null) {
                fetch = LiteralBuilder.rowCount(expressions.expression(limit.limit), limit.limit, "LIMIT");
                offset = limit.offset == null ? null : LiteralBuilder.rowCount(expressions.expression(limit.offset), limit.offset, "OFFSET");
            } else {
                offset = limit.offset == null ? null : LiteralBuilder.rowCount(expressions.expression(limit.offset), limit.offset, "OFFSET");
                fetch = limit.limit == null ? null : LiteralBuilder.rowCount(expressions.expression(limit.limit), limit.limit, "FETCH");
            }
        }
        if (order != null || offset != null || fetch != null) {
            if (body instanceof SqlSelect select && select.getOrderList() == null && select.getFetch() == null
                    && select.getOffset() == null) {
                select.setOrderBy(order);
                select.setOffset(offset);
                select.setFetch(fetch);
            } else {
                body = new SqlOrderBy(pos(ctx), body, order == null ? SqlNodeList.EMPTY : order, offset, fetch);
            }
        }
        return with == null ? body : new SqlWith(pos(ctx), with, body);
    }

    private SqlNodeList withItems(WithClauseContext ctx) {
        SqlNodeList items = new SqlNodeList(pos(ctx));
        for (WithItemContext item : ctx.withItem()) {
            List<IdentifierContext> ids = item.identifier();
            SqlNodeList columns = null;
            if (ids.size() > 1) {
                columns = new SqlNodeList(pos(item));
                for (IdentifierContext id : ids.subList(1, ids.size())) {
                    columns.add(new SqlIdentifier(name(id), pos(id)));
                }
            }
            items.add(new SqlWithItem(pos(item), new SqlIdentifier(name(ids.get(0)), pos(ids.get(0))), columns, query(item.query()),
                    SqlLiteral.createBoolean(ctx.RECURSIVE() != null, pos(item))));
        }
        return items;
    }

    private SqlNode queryExpression(QueryExpressionContext ctx) {
        if (ctx instanceof PrimaryQueryContext p) {
            return queryPrimary(p.queryPrimary());
        }
        SqlParserPos p = pos(ctx);
        if (ctx instanceof IntersectQueryContext i) {
            SqlNode left = queryExpression(i.left);
            SqlNode right = queryExpression(i.right);
            boolean all = i.setQuantifier() != null && i.setQuantifier().ALL() != null;
            return (all ? SqlStdOperatorTable.INTERSECT_ALL : SqlStdOperatorTable.INTERSECT).createCall(p, left, right);
        }
        UnionQueryContext u = (UnionQueryContext) ctx;
        SqlNode left = queryExpression(u.left);
        SqlNode right = queryExpression(u.right);
        boolean all = u.setQuantifier() != null && u.setQuantifier().ALL() != null;
        SqlOperator op = u.op.getType() == LightningSqlLexer.UNION
                ? (all ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION)
                : (all ? SqlStdOperatorTable.EXCEPT_ALL : SqlStdOperatorTable.EXCEPT);
        return op.createCall(p, left, right);
    }

    private SqlNode queryPrimary(QueryPrimaryContext ctx) {
        if (ctx instanceof ParenthesizedQueryContext p) {
            return query(p.query());
        }
        if (ctx instanceof ValuesQueryContext v) {
            List<SqlNode> rows = new ArrayList<>();
            for (ValuesRowContext row : v.valuesRow()) {
                List<SqlNode> cells = new ArrayList<>();
                for (ExpressionContext e : row.expression()) {
                    cells.add(expressions.expression(e));
                }
                rows.add(SqlStdOperatorTable.ROW.createCall(pos(row), cells.toArray(new SqlNode[0])));
            }
            return SqlStdOperatorTable.VALUES.createCall(pos(ctx), rows.toArray(new SqlNode[0]));
        }
        return querySpecification(((SimpleQueryContext) ctx).querySpecification());
    }

    private SqlSelect querySpecification(QuerySpecificationContext ctx) {
        SqlParserPos pos = pos(ctx);
        SqlNodeList keywords = new SqlNodeList(pos);
        if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
            keywords.add(SqlSelectKeyword.DISTINCT.symbol(pos(ctx.setQuantifier())));
        }
        SqlNodeList selectList = new SqlNodeList(pos);
        for (SelectItemContext item : ctx.selectItem()) {
            selectList.add(selectItem(item));
        }
        SqlNode from = null;
        for (FromItemContext item : ctx.fromItem()) {
            SqlNode next = fromItem(item);
            from = from == null ? next : new SqlJoin(pos(item), from, SqlLiteral.createBoolean(false, pos),
                    JoinType.COMMA.symbol(pos), next, JoinConditionType.NONE.symbol(pos), null);
        }
        SqlNode where = ctx.where == null ? null : expressions.expression(ctx.where);
        SqlNodeList groupBy = grouping.groupBy(ctx);
        SqlNode having = ctx.having == null ? null : expressions.expression(ctx.having);
        SqlNodeList windowDecls = windows.declarations(ctx);
        SqlSelect select = new SqlSelect(pos, keywords, selectList, from, where, groupBy, having, windowDecls, null, null, null, null, null);
        windows.inlineFramedReferences(select);
        return select;
    }

    private SqlNode selectItem(SelectItemContext ctx) {
        if (ctx instanceof SelectAllContext) {
            return SqlIdentifier.star(pos(ctx));
        }
        if (ctx instanceof SelectAllOfContext all) {
            SqlParserPos p = pos(ctx);
            return SqlIdentifier.star(List.of(name(all.identifier()), ""), p, List.of(p, p));
        }
        SelectExpressionContext e = (SelectExpressionContext) ctx;
        SqlNode value = expressions.expression(e.expression());
        if (e.identifier() == null) {
            return value;
        }
        return SqlStdOperatorTable.AS.createCall(pos(ctx), value, new SqlIdentifier(name(e.identifier()), pos(e.identifier())));
    }

    private SqlNode fromItem(FromItemContext ctx) {
        SqlNode left = tableReference(ctx.tableReference());
        for (JoinPartContext part : ctx.joinPart()) {
            SqlParserPos p = pos(part);
            if (part instanceof CrossJoinContext cross) {
                left = new SqlJoin(p, left, SqlLiteral.createBoolean(false, p), JoinType.CROSS.symbol(p),
                        tableReference(cross.tableReference()), JoinConditionType.NONE.symbol(p), null);
            } else {
                QualifiedJoinContext q = (QualifiedJoinContext) part;
                SqlNode right = tableReference(q.tableReference());
                SqlNode condition = expressions.expression(q.expression());
                left = new SqlJoin(p, left, SqlLiteral.createBoolean(false, p), joinType(q.joinType()).symbol(p), right,
                        JoinConditionType.ON.symbol(p), condition);
            }
        }
        return left;
    }

    private static JoinType joinType(JoinTypeContext ctx) {
        if (ctx.LEFT() != null) {
            return JoinType.LEFT;
        }
        if (ctx.RIGHT() != null) {
            return JoinType.RIGHT;
        }
        if (ctx.FULL() != null) {
            return JoinType.FULL;
        }
        return JoinType.INNER;
    }

    SqlNode tableReference(TableReferenceContext ctx) {
        if (ctx instanceof NamedTableContext named) {
            SqlNode table = tableIdentifier(named.tableName());
            return named.identifier() == null ? table : alias(ctx, table, named.identifier());
        }
        DerivedTableContext derived = (DerivedTableContext) ctx;
        List<SqlNode> operands = new ArrayList<>();
        operands.add(query(derived.query()));
        operands.add(new SqlIdentifier(name(derived.alias), pos(derived.alias)));
        for (IdentifierContext column : derived.columnAliases) {
            operands.add(new SqlIdentifier(name(column), pos(column)));
        }
        return SqlStdOperatorTable.AS.createCall(pos(ctx), operands.toArray(new SqlNode[0]));
    }

    private static SqlNode alias(ParserRuleContext ctx, SqlNode node, IdentifierContext alias) {
        return SqlStdOperatorTable.AS.createCall(pos(ctx), node, new SqlIdentifier(name(alias), pos(alias)));
    }

    SqlNodeList orderBy(OrderByContext ctx) {
        SqlNodeList list = new SqlNodeList(pos(ctx));
        for (SortItemContext item : ctx.sortItem()) {
            SqlParserPos p = pos(item);
            SqlNode e = expressions.expression(item.expression());
            if (e instanceof SqlNumericLiteral n && (!n.isInteger() || n.getValueAs(java.math.BigDecimal.class).signum() < 0)) {
                continue; // an unsigned integer is a column ordinal (0 is out of range); other constants leave the order as it is
            }
            if (item.DESC() != null) {
                e = SqlStdOperatorTable.DESC.createCall(p, e);
            }
            if (item.NULLS() != null) {
                e = (item.FIRST() != null ? SqlStdOperatorTable.NULLS_FIRST : SqlStdOperatorTable.NULLS_LAST).createCall(p, e);
            }
            list.add(e);
        }
        return list;
    }
}
