package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns expression parse trees into Calcite {@link SqlNode}s carrying the source
 * positions, so Calcite's validation errors point into the statement text; queries (top-level and
 * subqueries) go to its {@link QueryBuilder}. Visits children in textual order so that {@code ?}
 * parameters are numbered left to right.
 */
class ExpressionBuilder {
    /**
     * Operators nest at most this deep, parentheses aside (a chain of 400 unary minuses, or a+b+...
     * over 400 terms):
     * deeper trees would exhaust the stack of the recursive walks behind the parser (validation,
     * planning, code generation), so they are refused up front with 54001.
     */
    static final int MAX_EXPRESSION_DEPTH = 400;
    /** CASE nests at most this deep: Calcite's work on nested CASEs grows much faster than their depth. */
    static final int MAX_CASE_DEPTH = 40;

    private final SchemaNames names;
    private final QueryBuilder queries = new QueryBuilder(this);
    private int parameterCount;
    private int depth;
    private int caseDepth;

    ExpressionBuilder(SchemaNames names) {
        this.names = names;
    }

    SchemaNames names() {
        return names;
    }

    QueryBuilder queries() {
        return queries;
    }

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
        return queries.query(ctx, null);
    }

    /** The query, with {@code trailing} (a LIMIT after a locking clause) as its LIMIT/OFFSET when given. */
    SqlNode query(QueryContext ctx, LimitClauseContext trailing) {
        return queries.query(ctx, trailing);
    }

    static SqlIdentifier tableIdentifier(TableNameContext ctx) {
        List<String> names = new ArrayList<>();
        for (IdentifierContext id : ctx.identifier()) {
            names.add(name(id));
        }
        return new SqlIdentifier(names, pos(ctx));
    }

    // ------------------------------------------------------------------ expressions

    SqlNode expression(ExpressionContext ctx) {
        return booleanExpression(ctx.booleanExpression());
    }

    private SqlNode booleanExpression(BooleanExpressionContext ctx) {
        if (ctx instanceof PredicatedContext predicated) {
            return predicate(predicated.predicate());
        }
        enter(ctx);
        try {
            return booleanExpression0(ctx);
        } finally {
            depth--;
        }
    }

    private void enter(ParserRuleContext ctx) {
        if (++depth > MAX_EXPRESSION_DEPTH) {
            SqlParserPos p = pos(ctx);
            throw new SqlError(SqlError.TOO_COMPLEX, "Expression nested more than " + MAX_EXPRESSION_DEPTH
                    + " operators deep at line " + p.getLineNum() + ", column " + p.getColumnNum());
        }
    }

    private SqlNode booleanExpression0(BooleanExpressionContext ctx) {
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
        if (ctx instanceof JsonPredicateContext j) {
            return JsonSyntax.isJson(j, value(j.valueExpression()), p);
        }
        if (ctx instanceof TruthPredicateContext t) {
            SqlNode v = value(t.valueExpression());
            boolean not = t.NOT() != null;
            SqlOperator op = switch (t.truth.getType()) {
                case LightningSqlLexer.TRUE -> not ? SqlStdOperatorTable.IS_NOT_TRUE : SqlStdOperatorTable.IS_TRUE;
                case LightningSqlLexer.FALSE -> not ? SqlStdOperatorTable.IS_NOT_FALSE : SqlStdOperatorTable.IS_FALSE;
                default -> not ? SqlStdOperatorTable.IS_NOT_UNKNOWN : SqlStdOperatorTable.IS_UNKNOWN;
            };
            return op.createCall(p, v);
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

    SqlNode value(ValueExpressionContext ctx) {
        if (ctx instanceof PrimaryContext primary) {
            return primary(primary.primaryExpression());
        }
        enter(ctx);
        try {
            return value0(ctx);
        } finally {
            depth--;
        }
    }

    private SqlNode value0(ValueExpressionContext ctx) { // a PrimaryContext never gets here (see value)
        SqlParserPos p = pos(ctx);
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
        if (ctx instanceof SimpleCaseContext || ctx instanceof SearchedCaseContext) {
            if (++caseDepth > MAX_CASE_DEPTH) {
                SqlParserPos p = pos(ctx);
                throw new SqlError(SqlError.TOO_COMPLEX, "CASE nested more than " + MAX_CASE_DEPTH + " deep at line "
                        + p.getLineNum() + ", column " + p.getColumnNum());
            }
            try {
                return primary0(ctx);
            } finally {
                caseDepth--;
            }
        }
        return primary0(ctx);
    }

    private SqlNode primary0(PrimaryExpressionContext ctx) {
        SqlParserPos p = pos(ctx);
        if (ctx instanceof LiteralValueContext lit) {
            return LiteralBuilder.literal(lit.literal());
        }
        if (ctx instanceof ParameterContext) {
            return new SqlDynamicParam(parameterCount++, p);
        }
        if (ctx instanceof CastContext cast) {
            SqlNode operand = expression(cast.expression());
            return SqlStdOperatorTable.CAST.createCall(p, operand, TypeBuilder.typeSpec(TypeBuilder.type(cast.dataType()), pos(cast.dataType())));
        }
        if (ctx instanceof SimpleCaseContext c) {
            SqlNode operand = value(c.valueExpression());
            SqlNodeList whens = new SqlNodeList(p);
            SqlNodeList thens = new SqlNodeList(p);
            whenClauses(c.whenClause(), whens, thens);
            SqlNode otherwise = c.elseExpr == null ? SqlLiteral.createNull(p) : expression(c.elseExpr); // CASE without ELSE gives NULL
            return SqlCase.createSwitched(p, operand, whens, thens, otherwise);
        }
        if (ctx instanceof SearchedCaseContext c) {
            SqlNodeList whens = new SqlNodeList(p);
            SqlNodeList thens = new SqlNodeList(p);
            whenClauses(c.whenClause(), whens, thens);
            SqlNode otherwise = c.elseExpr == null ? SqlLiteral.createNull(p) : expression(c.elseExpr); // CASE without ELSE gives NULL
            return new SqlCase(p, null, whens, thens, otherwise);
        }
        if (ctx instanceof CountAllContext count) {
            return queries.windows().over(SqlStdOperatorTable.COUNT.createCall(p, SqlIdentifier.star(p)), count.overClause());
        }
        if (ctx instanceof FunctionCallContext f) {
            return functionCall(f);
        }
        if (ctx instanceof SubstringFromContext sub) {
            SqlNode value = expression(sub.value);
            SqlNode start = expression(sub.start);
            return sub.length == null ? SqlStdOperatorTable.SUBSTRING.createCall(p, value, start)
                    : SqlStdOperatorTable.SUBSTRING.createCall(p, value, start, expression(sub.length));
        }
        if (ctx instanceof TrimContext trim) {
            SqlTrimFunction.Flag side = trim.trimSide == null ? SqlTrimFunction.Flag.BOTH
                    : switch (trim.trimSide.getType()) {
                        case LightningSqlLexer.LEADING -> SqlTrimFunction.Flag.LEADING;
                        case LightningSqlLexer.TRAILING -> SqlTrimFunction.Flag.TRAILING;
                        default -> SqlTrimFunction.Flag.BOTH;
                    };
            SqlNode chars = trim.chars == null ? SqlLiteral.createCharString(" ", p) : expression(trim.chars);
            SqlNode value = expression(trim.value);
            return SqlStdOperatorTable.TRIM.createCall(p, side.symbol(p), chars, value);
        }
        if (ctx instanceof PositionContext position) {
            SqlNode needle = value(position.needle);
            SqlNode haystack = expression(position.haystack);
            return SqlStdOperatorTable.POSITION.createCall(p, needle, haystack);
        }
        if (ctx instanceof ExtractContext extract) {
            TimeUnit unit = switch (extract.timeUnit().getStart().getType()) {
                case LightningSqlLexer.YEAR -> TimeUnit.YEAR;
                case LightningSqlLexer.QUARTER -> TimeUnit.QUARTER;
                case LightningSqlLexer.MONTH -> TimeUnit.MONTH;
                case LightningSqlLexer.WEEK -> TimeUnit.WEEK;
                case LightningSqlLexer.DAY -> TimeUnit.DAY;
                case LightningSqlLexer.HOUR -> TimeUnit.HOUR;
                case LightningSqlLexer.MINUTE -> TimeUnit.MINUTE;
                case LightningSqlLexer.SECOND -> TimeUnit.SECOND;
                case LightningSqlLexer.MILLISECOND -> TimeUnit.MILLISECOND;
                case LightningSqlLexer.DOW -> TimeUnit.DOW;
                case LightningSqlLexer.DOY -> TimeUnit.DOY;
                default -> TimeUnit.EPOCH;
            };
            SqlNode from = expression(extract.expression());
            return SqlStdOperatorTable.EXTRACT.createCall(p, new SqlIntervalQualifier(unit, null, pos(extract.timeUnit())), from);
        }
        if (ctx instanceof JsonObjectContext o) {
            return JsonSyntax.object(o, this::expression, p);
        }
        if (ctx instanceof JsonArrayContext a) {
            return JsonSyntax.array(a, this::expression, p);
        }
        if (ctx instanceof NextValueContext next) {
            return nextValue(tableIdentifier(next.tableName()), p);
        }
        if (ctx instanceof ScalarSubqueryContext s) {
            return query(s.query());
        }
        if (ctx instanceof ParenthesizedContext paren) {
            return expression(paren.expression());
        }
        if (ctx instanceof ColumnReferenceContext col) {
            List<String> parts = new ArrayList<>();
            for (IdentifierContext id : col.identifier()) {
                parts.add(name(id));
            }
            return SessionValues.isCurrentSchema(col) ? SessionValues.currentSchema(names.schema(), p) : new SqlIdentifier(parts, p);
        }
        CurrentDateTimeContext now = (CurrentDateTimeContext) ctx;
        if (now.CURRENT_DATE() != null) {
            return SqlStdOperatorTable.CURRENT_DATE.createCall(p);
        }
        return (now.CURRENT_TIME() != null ? SqlStdOperatorTable.CURRENT_TIME : SqlStdOperatorTable.CURRENT_TIMESTAMP).createCall(p);
    }

    /** {@code NEXT VALUE FOR seq}: a BIGINT parameter the executor fills ({@link SequenceParam}). */
    SqlNode nextValue(SqlIdentifier sequence, SqlParserPos p) {
        return SequenceParam.call(parameterCount++, names.of(sequence.names), p);
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
        if (fname.equals("TRIM") || fname.equals("POSITION")) {
            throw SqlError.syntax(p.getLineNum(), p.getColumnNum(), fname + " takes the standard form, e.g. TRIM(BOTH ' ' FROM s)"
                    + " or POSITION(a IN b)");
        }
        if (fname.equals("COALESCE") && f.expression().isEmpty()) { // Calcite's type inference fails on it
            throw SqlError.syntax(p.getLineNum(), p.getColumnNum(), "COALESCE needs at least one argument");
        }
        if (fname.equals(SessionValues.CURRENT_SCHEMA) && f.expression().isEmpty()) {
            return SessionValues.currentSchema(names.schema(), p);
        }
        List<SqlNode> args = new ArrayList<>();
        for (ExpressionContext e : f.expression()) {
            args.add(expression(e));
        }
        if (fname.equals("JSON_QUERY") && args.size() == 2) {
            return JsonSyntax.query(args.get(0), args.get(1), p);
        }
        SqlLiteral qualifier = f.setQuantifier() != null && f.setQuantifier().DISTINCT() != null
                ? SqlSelectKeyword.DISTINCT.symbol(pos(f.setQuantifier())) : null;
        SqlOperator op = new SqlUnresolvedFunction(new SqlIdentifier(fname, pos(f.functionName())), null, null, null, null,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        return queries.windows().over(op.createCall(qualifier, p, args.toArray(new SqlNode[0])), f.overClause());
    }
}
