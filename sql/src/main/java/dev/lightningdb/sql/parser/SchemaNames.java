package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.parser.LightningSqlParser.IdentifierContext;
import dev.lightningdb.sql.parser.LightningSqlParser.TableNameContext;
import java.util.List;

/**
 * Names of tables, sequences and indexes as a statement means them: one written without a schema
 * is in {@code schema}, the current schema of the session the statement is parsed for. (A parsed
 * statement therefore belongs to that schema: caches key it by schema and text.) Queries keep
 * their names as written; the planner resolves those in the same schema.
 */
record SchemaNames(String schema) {
    QualifiedName table(TableNameContext ctx) {
        List<IdentifierContext> ids = ctx.identifier();
        if (ids.size() == 1) {
            return new QualifiedName(schema, ExpressionBuilder.name(ids.get(0)));
        }
        return new QualifiedName(ExpressionBuilder.name(ids.get(0)), ExpressionBuilder.name(ids.get(1)));
    }

    /** The name {@code parts} (name, or schema and name) spell. */
    QualifiedName of(List<String> parts) {
        return parts.size() == 1 ? new QualifiedName(schema, parts.get(0)) : new QualifiedName(parts.get(0), parts.get(1));
    }
}
