package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.Statement.AlterAction;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.SqlError;
import java.util.List;

/**
 * {@code ALTER TABLE t ALTER COLUMN c ...} and {@code MODIFY COLUMN} in the forms Liquibase, H2 and
 * PostgreSQL send, as {@link AlterAction}s.
 */
final class ColumnChanges {
    private ColumnChanges() {
    }

    static AlterAction alterColumn(String column, AlterColumnActionContext ctx) {
        if (ctx instanceof SetDataTypeContext t) {
            return new AlterAction.SetColumnType(column, TypeBuilder.type(t.dataType()));
        }
        if (ctx instanceof SetNotNullContext || ctx instanceof DropNotNullContext) {
            return new AlterAction.SetColumnNotNull(column, ctx instanceof SetNotNullContext);
        }
        if (ctx instanceof SetDefaultContext d) {
            return new AlterAction.SetColumnDefault(column, DdlBuilder.text(d.expression()));
        }
        if (ctx instanceof DropDefaultContext) {
            return new AlterAction.SetColumnDefault(column, null);
        }
        if (ctx instanceof RenameColumnToContext r) {
            return new AlterAction.RenameColumn(column, ExpressionBuilder.name(r.identifier()));
        }
        RedefineColumnContext r = (RedefineColumnContext) ctx;
        return redefine(column, r.dataType(), r.columnConstraint());
    }

    /** H2's {@code ALTER COLUMN c type [DEFAULT e] [NULL | NOT NULL]}, MySQL's {@code MODIFY COLUMN}. */
    static AlterAction redefine(String column, DataTypeContext type, List<ColumnConstraintContext> constraints) {
        Boolean notNull = null;
        String defaultSql = null;
        for (ColumnConstraintContext c : constraints) {
            if (c instanceof NotNullConstraintContext n && n.CONSTRAINT() == null) {
                notNull = Boolean.TRUE;
            } else if (c instanceof NullConstraintContext) {
                notNull = Boolean.FALSE;
            } else if (c instanceof DefaultConstraintContext d) {
                defaultSql = DdlBuilder.text(d.expression());
            } else {
                throw StatementBuilder.positioned(c, SqlError.SYNTAX, "Changing a column's definition takes DEFAULT, NULL and NOT NULL"
                        + " only; add other constraints with ALTER TABLE ... ADD CONSTRAINT");
            }
        }
        return new AlterAction.RedefineColumn(column, TypeBuilder.type(type), notNull, defaultSql);
    }


}
