package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.parser.LightningSqlParser.ColumnReferenceContext;
import dev.lightningdb.sql.parser.LightningSqlParser.UnquotedIdentifierContext;
import dev.lightningdb.sql.result.ColumnType;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CURRENT_SCHEMA} and {@code CURRENT_SCHEMA()} (H2 and PostgreSQL spell it both ways): the
 * schema the statement is parsed for, as a VARCHAR constant. A constant is right because a parsed
 * statement and its plans belong to one current schema ({@link SchemaNames}).
 */
final class SessionValues {
    static final String CURRENT_SCHEMA = "CURRENT_SCHEMA";

    private SessionValues() {
    }

    /** Whether {@code ctx} is the bare word CURRENT_SCHEMA (unquoted: a quoted "CURRENT_SCHEMA" stays a column name). */
    static boolean isCurrentSchema(ColumnReferenceContext ctx) {
        return ctx.identifier().size() == 1 && ctx.identifier(0) instanceof UnquotedIdentifierContext
                && ctx.getText().equalsIgnoreCase(CURRENT_SCHEMA);
    }

    static SqlNode currentSchema(String schema, SqlParserPos pos) {
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(schema, pos),
                TypeBuilder.typeSpec(ColumnType.of(ColumnType.Kind.VARCHAR), pos));
    }
}
