package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.types.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunctionCategory;
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
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns query and expression parse trees into Calcite {@link SqlNode}s carrying the source
 * positions, so Calcite's validation errors point into the statement text. Visits children in
 * textual order so that {@code ?} parameters are numbered left to right.
 */
class ExpressionBuilder {
    private int parameterCount;

    int parameterCount() {
        return parameterCount;
    }

    static SqlParserPos pos(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        return new SqlParserPos(start.getLine(), start.getCharPositionInLine() + 1, stop.getLine(),
                stop.getCharPositionInLine() + Math.max(1, stop.getText().length()));
    }

    static SqlParserPos pos(Token t) {
        return new SqlParserPos(t.getLine(), t.getCharPositionInLine() + 1);
    }

    // ------------------------------------------------------------------ names

    static String name(IdentifierContext ctx) {
        if (ctx instanceof QuotedIdentifierContext q) {
            String text = q.getText();
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return ctx.getText().toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ queries

    SqlNode query(QueryContext ctx) {
        SqlNode body = queryTerm(ctx.queryTerm());
        SqlNodeList order = ctx.orderBy() == null ? null : orderBy(ctx.orderBy());
        SqlNode offset = null;
        SqlNode fetch = null;
        LimitClauseContext limit = ctx.limitClause();
        if (limit != null) {
            // visit in textual order so that parameters are numbered as written
            if (limit.LIMIT() != null) {
                fetch = expression(limit.limit);
                offset = limit.offset == null ? null : expression(limit.offset);
            } else {
                offset = limit.offset == null ? null : expression(limit.offset);
                fetch = limit.limit == null ? null : expression(limit.limit);
            }
        }
        if (order == null && offset == null && fetch == null) {
            return body;
        }
        if (body instanceof SqlSelect select && select.getOrderList() == null && select.getFetch() == null
                && select.getOffset() == null) {
            select.setOrderBy(order);
            select.setOffset(offset);
            select.setFetch(fetch);
            return select;
        }
        return new SqlOrderBy(pos(ctx), body, order == null ? SqlNodeList.EMPTY : order, offset, fetch);
    }

    private SqlNode queryTerm(QueryTermContext ctx) {
        if (ctx instanceof ParenthesizedQueryContext p) {
            return query(p.query());
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
        SqlNode where = ctx.where == null ? null : expression(ctx.where);
        SqlNodeList groupBy = null;
        if (ctx.GROUP() != null) {
            groupBy = new SqlNodeList(pos(ctx.GROUP().getSymbol()));
            for (ExpressionContext e : ctx.groupItems) {
                groupBy.add(expression(e));
            }
        }
        SqlNode having = ctx.having == null ? null : expression(ctx.having);
        return new SqlSelect(pos, keywords, selectList, from, where, groupBy, having, null, null, null, null, null, null);
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
        SqlNode value = expression(e.expression());
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
                SqlNode condition = expression(q.expression());
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

    private SqlNode tableReference(TableReferenceContext ctx) {
        if (ctx instanceof NamedTableContext named) {
            SqlNode table = tableIdentifier(named.tableName());
            return named.identifier() == null ? table : alias(ctx, table, named.identifier());
        }
        DerivedTableContext derived = (DerivedTableContext) ctx;
        return alias(ctx, query(derived.query()), derived.identifier());
    }

    private static SqlNode alias(ParserRuleContext ctx, SqlNode node, IdentifierContext alias) {
        return SqlStdOperatorTable.AS.createCall(pos(ctx), node, new SqlIdentifier(name(alias), pos(alias)));
    }

    static SqlIdentifier tableIdentifier(TableNameContext ctx) {
        List<String> names = new ArrayList<>();
        for (IdentifierContext id : ctx.identifier()) {
            names.add(name(id));
        }
        return new SqlIdentifier(names, pos(ctx));
    }

    private SqlNodeList orderBy(OrderByContext ctx) {
        SqlNodeList list = new SqlNodeList(pos(ctx));
        for (SortItemContext item : ctx.sortItem()) {
            SqlParserPos p = pos(item);
            SqlNode e = expression(item.expression());
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

    // ------------------------------------------------------------------ expressions

    SqlNode expression(ExpressionContext ctx) {
        return booleanExpression(ctx.booleanExpression());
    }

    private SqlNode booleanExpression(BooleanExpressionContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof LogicalNotContext not) {
            return SqlStdOperatorTable.NOT.createCall(p, booleanExpression(not.booleanExpression()));
        }
        if (ctx instanceof LogicalAndContext and) {
            return SqlStdOperatorTable.AND.createCall(p, booleanExpression(and.left), booleanExpression(and.right));
        }
        if (ctx instanceof LogicalOrContext or) {
            return SqlStdOperatorTable.OR.createCall(p, booleanExpression(or.left), booleanExpression(or.right));
        }
        return predicate(((PredicatedContext) ctx).predicate());
    }

    private SqlNode predicate(PredicateContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof PlainValueContext v) {
            return value(v.valueExpression());
        }
        if (ctx instanceof ComparisonContext c) {
            SqlNode left = value(c.left);
            SqlNode right = value(c.right);
            return comparison(c.comparisonOperator()).createCall(p, left, right);
        }
        if (ctx instanceof NullPredicateContext n) {
            SqlNode v = value(n.valueExpression());
            return (n.NOT() == null ? SqlStdOperatorTable.IS_NULL : SqlStdOperatorTable.IS_NOT_NULL).createCall(p, v);
        }
        if (ctx instanceof BetweenPredicateContext b) {
            SqlNode v = value(b.valueExpression(0));
            SqlNode lo = value(b.lower);
            SqlNode hi = value(b.upper);
            return (b.NOT() == null ? SqlStdOperatorTable.BETWEEN : SqlStdOperatorTable.NOT_BETWEEN).createCall(p, v, lo, hi);
        }
        if (ctx instanceof InListPredicateContext in) {
            SqlNode v = value(in.valueExpression());
            SqlNodeList list = new SqlNodeList(p);
            for (ExpressionContext e : in.expression()) {
                list.add(expression(e));
            }
            return (in.NOT() == null ? SqlStdOperatorTable.IN : SqlStdOperatorTable.NOT_IN).createCall(p, v, list);
        }
        if (ctx instanceof InQueryPredicateContext in) {
            SqlNode v = value(in.valueExpression());
            SqlNode q = query(in.query());
            return (in.NOT() == null ? SqlStdOperatorTable.IN : SqlStdOperatorTable.NOT_IN).createCall(p, v, q);
        }
        if (ctx instanceof LikePredicateContext like) {
            SqlNode v = value(like.valueExpression(0));
            SqlNode pattern = value(like.pattern);
            SqlOperator op = like.NOT() == null ? SqlStdOperatorTable.LIKE : SqlStdOperatorTable.NOT_LIKE;
            return like.escape == null ? op.createCall(p, v, pattern) : op.createCall(p, v, pattern, value(like.escape));
        }
        ExistsPredicateContext exists = (ExistsPredicateContext) ctx;
        return SqlStdOperatorTable.EXISTS.createCall(p, query(exists.query()));
    }

    private static SqlOperator comparison(ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case LightningSqlLexer.EQ -> SqlStdOperatorTable.EQUALS;
            case LightningSqlLexer.NEQ -> SqlStdOperatorTable.NOT_EQUALS;
            case LightningSqlLexer.LT -> SqlStdOperatorTable.LESS_THAN;
            case LightningSqlLexer.LTE -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case LightningSqlLexer.GT -> SqlStdOperatorTable.GREATER_THAN;
            default -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
        };
    }

    private SqlNode value(ValueExpressionContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof PrimaryContext primary) {
            return primary(primary.primaryExpression());
        }
        if (ctx instanceof UnaryArithmeticContext u) {
            SqlNode operand = value(u.valueExpression());
            if (u.op.getType() == LightningSqlLexer.PLUS) {
                return operand;
            }
            if (operand instanceof SqlNumericLiteral n) {
                return SqlLiteral.createNegative(n, p);
            }
            return SqlStdOperatorTable.UNARY_MINUS.createCall(p, operand);
        }
        if (ctx instanceof MultiplicativeContext m) {
            SqlNode left = value(m.left);
            SqlNode right = value(m.right);
            SqlOperator op = switch (m.op.getType()) {
                case LightningSqlLexer.ASTERISK -> SqlStdOperatorTable.MULTIPLY;
                case LightningSqlLexer.SLASH -> SqlStdOperatorTable.DIVIDE;
                default -> SqlStdOperatorTable.PERCENT_REMAINDER;
            };
            return op.createCall(p, left, right);
        }
        if (ctx instanceof AdditiveContext a) {
            SqlNode left = value(a.left);
            SqlNode right = value(a.right);
            return (a.op.getType() == LightningSqlLexer.PLUS ? SqlStdOperatorTable.PLUS : SqlStdOperatorTable.MINUS)
                    .createCall(p, left, right);
        }
        ConcatenationContext c = (ConcatenationContext) ctx;
        SqlNode left = value(c.left);
        SqlNode right = value(c.right);
        return SqlStdOperatorTable.CONCAT.createCall(p, left, right);
    }

    private SqlNode primary(PrimaryExpressionContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof LiteralValueContext lit) {
            return literal(lit.literal());
        }
        if (ctx instanceof ParameterContext) {
            return new SqlDynamicParam(parameterCount++, p);
        }
        if (ctx instanceof CastContext cast) {
            SqlNode operand = expression(cast.expression());
            return SqlStdOperatorTable.CAST.createCall(p, operand, typeSpec(TypeBuilder.type(cast.dataType()), pos(cast.dataType())));
        }
        if (ctx instanceof SimpleCaseContext c) {
            SqlNode operand = value(c.valueExpression());
            SqlNodeList whens = new SqlNodeList(p);
            SqlNodeList thens = new SqlNodeList(p);
            whenClauses(c.whenClause(), whens, thens);
            SqlNode otherwise = c.elseExpr == null ? null : expression(c.elseExpr);
            return SqlCase.createSwitched(p, operand, whens, thens, otherwise);
        }
        if (ctx instanceof SearchedCaseContext c) {
            SqlNodeList whens = new SqlNodeList(p);
            SqlNodeList thens = new SqlNodeList(p);
            whenClauses(c.whenClause(), whens, thens);
            SqlNode otherwise = c.elseExpr == null ? null : expression(c.elseExpr);
            return new SqlCase(p, null, whens, thens, otherwise);
        }
        if (ctx instanceof CountAllContext) {
            return SqlStdOperatorTable.COUNT.createCall(p, SqlIdentifier.star(p));
        }
        if (ctx instanceof FunctionCallContext f) {
            return functionCall(f);
        }
        if (ctx instanceof ScalarSubqueryContext s) {
            return query(s.query());
        }
        if (ctx instanceof ParenthesizedContext paren) {
            return expression(paren.expression());
        }
        if (ctx instanceof ColumnReferenceContext col) {
            List<String> names = new ArrayList<>();
            for (IdentifierContext id : col.identifier()) {
                names.add(name(id));
            }
            return new SqlIdentifier(names, p);
        }
        CurrentDateTimeContext now = (CurrentDateTimeContext) ctx;
        if (now.CURRENT_DATE() != null) {
            return SqlStdOperatorTable.CURRENT_DATE.createCall(p);
        }
        return (now.CURRENT_TIME() != null ? SqlStdOperatorTable.CURRENT_TIME : SqlStdOperatorTable.CURRENT_TIMESTAMP).createCall(p);
    }

    private void whenClauses(List<WhenClauseContext> clauses, SqlNodeList whens, SqlNodeList thens) {
        for (WhenClauseContext w : clauses) {
            whens.add(expression(w.condition));
            thens.add(expression(w.result));
        }
    }

    private SqlNode functionCall(FunctionCallContext f) {
        SqlParserPos p = pos(f);
        String fname = f.functionName().identifier() != null ? name(f.functionName().identifier())
                : f.functionName().getText().toUpperCase(Locale.ROOT);
        List<SqlNode> args = new ArrayList<>();
        for (ExpressionContext e : f.expression()) {
            args.add(expression(e));
        }
        SqlLiteral qualifier = f.setQuantifier() != null && f.setQuantifier().DISTINCT() != null
                ? SqlSelectKeyword.DISTINCT.symbol(pos(f.setQuantifier())) : null;
        SqlOperator op = new SqlUnresolvedFunction(new SqlIdentifier(fname, pos(f.functionName())), null, null, null, null,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        return op.createCall(qualifier, p, args.toArray(new SqlNode[0]));
    }

    static SqlDataTypeSpec typeSpec(ColumnType type, SqlParserPos p) {
        SqlBasicTypeNameSpec name;
        if (type.kind() == ColumnType.Kind.DECIMAL) {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), type.precisionOrDefault(), type.scale(), p);
        } else if (type.isBounded()) {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), type.precision(), p);
        } else {
            name = new SqlBasicTypeNameSpec(type.sqlTypeName(), p);
        }
        return new SqlDataTypeSpec(name, p);
    }

    private static SqlNode literal(LiteralContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof NullLiteralContext) {
            return SqlLiteral.createNull(p);
        }
        if (ctx instanceof BooleanLiteralContext b) {
            return SqlLiteral.createBoolean(b.TRUE() != null, p);
        }
        if (ctx instanceof IntegerLiteralContext || ctx instanceof DecimalLiteralContext) {
            String text = ctx.getText();
            boolean approx = text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
            return approx ? SqlLiteral.createApproxNumeric(text, p) : SqlLiteral.createExactNumeric(text, p);
        }
        if (ctx instanceof StringLiteralContext s) {
            return SqlLiteral.createCharString(unquote(s.getText()), p);
        }
        if (ctx instanceof BinaryLiteralContext b) {
            String text = b.getText();
            String hex = text.substring(2, text.length() - 1);
            if (hex.length() % 2 != 0) {
                throw SqlError.syntax(p.getLineNum(), p.getColumnNum(), "binary literal needs an even number of hex digits");
            }
            return SqlLiteral.createBinaryString(hex, p);
        }
        String text = ctx instanceof DateLiteralContext d ? unquote(d.STRING_LITERAL().getText())
                : ctx instanceof TimeLiteralContext t ? unquote(t.STRING_LITERAL().getText())
                : unquote(((TimestampLiteralContext) ctx).STRING_LITERAL().getText());
        try {
            if (ctx instanceof DateLiteralContext) {
                return SqlLiteral.createDate(new DateString(text.trim()), p);
            }
            if (ctx instanceof TimeLiteralContext) {
                TimeString t = new TimeString(text.trim());
                return SqlLiteral.createTime(t, 3, p);
            }
            TimestampString ts = new TimestampString(text.trim());
            return SqlLiteral.createTimestamp(ts, 3, p);
        } catch (RuntimeException e) {
            throw new SqlError(SqlError.INVALID_DATETIME, "Invalid date/time literal '" + text + "' at line " + p.getLineNum()
                    + ", column " + p.getColumnNum());
        }
    }

    static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }
}
