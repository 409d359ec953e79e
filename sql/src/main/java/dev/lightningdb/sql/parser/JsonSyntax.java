package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.parser.LightningSqlParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The SQL/JSON syntax that is not a plain function call: {@code v IS [NOT] JSON [VALUE | OBJECT |
 * ARRAY | SCALAR]}, {@code JSON_OBJECT(KEY k VALUE v, ... [NULL | ABSENT ON NULL])} and
 * {@code JSON_ARRAY(v, ... [NULL | ABSENT ON NULL])}, as Calcite's operators take them. Defaults as
 * the standard: JSON_OBJECT keeps NULLs, JSON_ARRAY leaves them out.
 */
final class JsonSyntax {
    private JsonSyntax() {
    }

    static SqlNode isJson(JsonPredicateContext ctx, SqlNode value, SqlParserPos p) {
        boolean not = ctx.NOT() != null;
        int kind = ctx.jsonKind == null ? LightningSqlLexer.VALUE : ctx.jsonKind.getType();
        SqlOperator op = switch (kind) {
            case LightningSqlLexer.OBJECT -> not ? SqlStdOperatorTable.IS_NOT_JSON_OBJECT : SqlStdOperatorTable.IS_JSON_OBJECT;
            case LightningSqlLexer.ARRAY -> not ? SqlStdOperatorTable.IS_NOT_JSON_ARRAY : SqlStdOperatorTable.IS_JSON_ARRAY;
            case LightningSqlLexer.SCALAR -> not ? SqlStdOperatorTable.IS_NOT_JSON_SCALAR : SqlStdOperatorTable.IS_JSON_SCALAR;
            default -> not ? SqlStdOperatorTable.IS_NOT_JSON_VALUE : SqlStdOperatorTable.IS_JSON_VALUE;
        };
        return op.createCall(p, value);
    }

    static SqlNode object(JsonObjectContext ctx, Function<ExpressionContext, SqlNode> expression, SqlParserPos p) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(nullClause(ctx.jsonNullClause(), SqlJsonConstructorNullClause.NULL_ON_NULL, p));
        for (JsonEntryContext e : ctx.jsonEntry()) {
            operands.add(expression.apply(e.key));
            operands.add(expression.apply(e.value));
        }
        return SqlStdOperatorTable.JSON_OBJECT.createCall(p, operands);
    }

    static SqlNode array(JsonArrayContext ctx, Function<ExpressionContext, SqlNode> expression, SqlParserPos p) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(nullClause(ctx.jsonNullClause(), SqlJsonConstructorNullClause.ABSENT_ON_NULL, p));
        for (ExpressionContext e : ctx.expression()) {
            operands.add(expression.apply(e));
        }
        return SqlStdOperatorTable.JSON_ARRAY.createCall(p, operands);
    }

    /** {@code JSON_QUERY(doc, path)} with the standard's defaults: WITHOUT ARRAY WRAPPER, NULL ON EMPTY, NULL ON ERROR. */
    static SqlNode query(SqlNode doc, SqlNode path, SqlParserPos p) {
        return SqlStdOperatorTable.JSON_QUERY.createCall(p, doc, path,
                SqlLiteral.createSymbol(org.apache.calcite.sql.SqlJsonQueryWrapperBehavior.WITHOUT_ARRAY, p),
                SqlLiteral.createSymbol(org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior.NULL, p),
                SqlLiteral.createSymbol(org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior.NULL, p));
    }

    private static SqlLiteral nullClause(JsonNullClauseContext ctx, SqlJsonConstructorNullClause otherwise, SqlParserPos p) {
        SqlJsonConstructorNullClause clause = ctx == null ? otherwise
                : ctx.ABSENT() != null ? SqlJsonConstructorNullClause.ABSENT_ON_NULL : SqlJsonConstructorNullClause.NULL_ON_NULL;
        return SqlLiteral.createSymbol(clause, p);
    }
}
