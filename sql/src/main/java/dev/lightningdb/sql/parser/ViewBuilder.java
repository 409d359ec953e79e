package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.parser.LightningSqlParser.CreateViewContext;
import dev.lightningdb.sql.parser.LightningSqlParser.DropViewContext;
import dev.lightningdb.sql.parser.LightningSqlParser.IdentifierContext;
import dev.lightningdb.sql.parser.LightningSqlParser.StatementContext;
import dev.lightningdb.sql.parser.LightningSqlParser.TableNameContext;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns CREATE VIEW and DROP VIEW parse trees into {@link Statement}s. */
final class ViewBuilder {
    private final SchemaNames names;

    ViewBuilder(SchemaNames names) {
        this.names = names;
    }

    Statement build(StatementContext ctx) {
        if (ctx.createView() != null) {
            CreateViewContext c = ctx.createView();
            List<String> columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (IdentifierContext id : c.identifier()) {
                String column = ExpressionBuilder.name(id);
                if (!seen.add(column)) {
                    throw StatementBuilder.positioned(id, "42701", "Column " + column + " is named twice in the view's column list");
                }
                columns.add(column);
            }
            if (c.REPLACE() != null && c.EXISTS() != null) {
                throw StatementBuilder.positioned(c, SqlError.SYNTAX, "CREATE OR REPLACE VIEW cannot also say IF NOT EXISTS");
            }
            return new Statement.CreateView(names.table(c.tableName()), c.REPLACE() != null, c.EXISTS() != null, columns,
                    DdlBuilder.text(c.query()));
        }
        DropViewContext d = ctx.dropView();
        List<QualifiedName> views = new ArrayList<>();
        for (TableNameContext t : d.tableName()) {
            views.add(names.table(t));
        }
        return new Statement.DropView(views, d.EXISTS() != null, d.CASCADE() != null);
    }
}
