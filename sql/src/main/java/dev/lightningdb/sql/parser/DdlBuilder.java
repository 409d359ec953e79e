package dev.lightningdb.sql.parser;

import dev.lightningdb.sql.ast.ColumnSpec;
import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.OnCommit;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.ast.Temporary;
import dev.lightningdb.sql.ast.Statement.AlterAction;
import dev.lightningdb.sql.parser.LightningSqlParser.*;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Turns DDL parse trees (tables, indexes, sequences, schemas) into {@link Statement}s. */
final class DdlBuilder {
    private final SchemaNames names;

    DdlBuilder(SchemaNames names) {
        this.names = names;
    }

    /** The DDL statement of {@code ctx}, or null if it is not DDL. */
    Statement build(StatementContext ctx) {
        if (ctx.createTable() != null) {
            return createTable(ctx.createTable());
        }
        if (ctx.dropTable() != null) {
            DropTableContext d = ctx.dropTable();
            return new Statement.DropTable(names.table(d.tableName()), d.EXISTS() != null, d.CASCADE() != null);
        }
        if (ctx.alterTable() != null) {
            AlterTableContext a = ctx.alterTable();
            QualifiedName table = names.table(a.tableName());
            return new Statement.AlterTable(table, a.EXISTS() != null, alter(a.alterAction(), table));
        }
        if (ctx.createIndex() != null) {
            CreateIndexContext c = ctx.createIndex();
            List<String> columns = new ArrayList<>();
            for (IndexColumnContext ic : c.indexColumn()) {
                columns.add(ExpressionBuilder.name(ic.identifier()));
            }
            QualifiedName table = names.table(c.table);
            return new Statement.CreateIndex(indexName(c, table), table, c.UNIQUE() != null, c.EXISTS() != null, columns);
        }
        if (ctx.dropIndex() != null) {
            return new Statement.DropIndex(names.table(ctx.dropIndex().tableName()), ctx.dropIndex().EXISTS() != null);
        }
        if (ctx.createSequence() != null) {
            return createSequence(ctx.createSequence());
        }
        if (ctx.dropSequence() != null) {
            return new Statement.DropSequence(names.table(ctx.dropSequence().tableName()), ctx.dropSequence().EXISTS() != null);
        }
        if (ctx.createSchema() != null) {
            return new Statement.CreateSchema(ExpressionBuilder.name(ctx.createSchema().identifier()), ctx.createSchema().EXISTS() != null);
        }
        if (ctx.dropSchema() != null) {
            DropSchemaContext d = ctx.dropSchema();
            return new Statement.DropSchema(ExpressionBuilder.name(d.identifier()), d.EXISTS() != null, d.CASCADE() != null);
        }
        if (ctx.analyzeStatement() != null) {
            TableNameContext t = ctx.analyzeStatement().tableName();
            return new Statement.Analyze(t == null ? null : names.table(t));
        }
        if (ctx.createView() != null || ctx.dropView() != null) {
            return new ViewBuilder(names).build(ctx);
        }
        if (ctx.truncateTable() != null) {
            return new Statement.Truncate(names.table(ctx.truncateTable().tableName()));
        }
        return null;
    }

    private Statement createTable(CreateTableContext ctx) {
        QualifiedName name = names.table(ctx.tableName());
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<ConstraintSpec> constraints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableElementContext element : ctx.tableElement()) {
            if (element.columnDefinition() != null) {
                ColumnSpec column = column(element.columnDefinition(), constraints);
                if (!seen.add(column.name())) {
                    throw StatementBuilder.positioned(element, SqlError.SYNTAX, "Duplicate column name '" + column.name() + "'");
                }
                columns.add(column);
                if (column.primaryKey()) {
                    if (!primaryKey.isEmpty()) {
                        throw StatementBuilder.positioned(element, SqlError.SYNTAX, "Table " + name.name() + " has more than one PRIMARY KEY");
                    }
                    primaryKey.add(column.name());
                }
            } else if (element.tableConstraint() instanceof PrimaryKeyConstraintContext pk) {
                if (!primaryKey.isEmpty()) {
                    throw StatementBuilder.positioned(element, SqlError.SYNTAX, "Table " + name.name() + " has more than one PRIMARY KEY");
                }
                primaryKey.addAll(primaryKeyColumns(pk));
            } else {
                constraints.add(constraint(element.tableConstraint()));
            }
        }
        return new Statement.CreateTable(name, ctx.EXISTS() != null, columns, primaryKey, constraints, temporary(ctx));
    }

    /** Null for a permanent table; a temporary one is LOCAL unless it says GLOBAL, and keeps its rows at commit unless it says. */
    private static Temporary temporary(CreateTableContext ctx) {
        if (ctx.temporary() == null) {
            if (ctx.onCommit() != null) {
                throw StatementBuilder.positioned(ctx.onCommit(), SqlError.SYNTAX, "ON COMMIT is only for a TEMPORARY table");
            }
            return null;
        }
        OnCommitContext on = ctx.onCommit();
        boolean global = ctx.temporary().GLOBAL() != null;
        if (global && on != null && on.DROP() != null) {
            throw StatementBuilder.positioned(on, SqlError.SYNTAX, "ON COMMIT DROP is only for a LOCAL TEMPORARY table");
        }
        return new Temporary(global, on == null || on.PRESERVE() != null ? OnCommit.PRESERVE_ROWS
                : on.DELETE() != null ? OnCommit.DELETE_ROWS : OnCommit.DROP);
    }

    /** A column; its UNIQUE, CHECK and REFERENCES clauses are added to {@code constraints}. */
    ColumnSpec column(ColumnDefinitionContext ctx, List<ConstraintSpec> constraints) {
        String name = ExpressionBuilder.name(ctx.identifier());
        boolean notNull = false;
        boolean primaryKey = false;
        boolean identity = false;
        long start = 1;
        long increment = 1;
        String defaultSql = null;
        String generatedSql = null;
        for (ColumnConstraintContext c : ctx.columnConstraint()) {
            if (c instanceof NotNullConstraintContext) {
                notNull = true;
            } else if (c instanceof PrimaryKeyColumnConstraintContext) {
                primaryKey = true;
            } else if (c instanceof DefaultConstraintContext d) {
                defaultSql = text(d.expression());
            } else if (c instanceof UniqueColumnConstraintContext u) {
                constraints.add(new ConstraintSpec(optionalName(u.identifier()), ConstraintSpec.Kind.UNIQUE, List.of(name), null, null, List.of()));
            } else if (c instanceof CheckColumnConstraintContext k) {
                constraints.add(new ConstraintSpec(optionalName(k.identifier()), ConstraintSpec.Kind.CHECK, List.of(name),
                        text(k.expression()), null, List.of()));
            } else if (c instanceof ReferencesConstraintContext r) {
                List<IdentifierContext> ids = r.identifier();
                String constraintName = r.CONSTRAINT() != null ? ExpressionBuilder.name(ids.get(0)) : null;
                List<String> refColumns = new ArrayList<>();
                for (IdentifierContext id : ids.subList(r.CONSTRAINT() != null ? 1 : 0, ids.size())) {
                    refColumns.add(ExpressionBuilder.name(id));
                }
                constraints.add(new ConstraintSpec(constraintName, ConstraintSpec.Kind.FOREIGN_KEY, List.of(name), null,
                        names.table(r.tableName()), refColumns, ReferentialActions.onDelete(r.referentialAction()),
                        ReferentialActions.onUpdate(r.referentialAction())));
            } else if (c instanceof IdentityConstraintContext i) {
                identity = true;
                notNull = true;
                for (SequenceOptionContext o : i.sequenceOption()) {
                    if (o instanceof StartWithContext s) {
                        start = number(s.signedInteger());
                    } else if (o instanceof IncrementByContext inc) {
                        increment = number(inc.signedInteger());
                    }
                }
            } else if (c instanceof AutoIncrementConstraintContext) {
                identity = true;
                notNull = true;
            } else if (c instanceof GeneratedColumnConstraintContext g) {
                generatedSql = text(g.expression());
            }
        }
        if (generatedSql != null && (identity || defaultSql != null)) {
            throw StatementBuilder.positioned(ctx, SqlError.SYNTAX, "Generated column " + name + " cannot have a DEFAULT or be an identity column");
        }
        if (increment == 0) {
            throw StatementBuilder.positioned(ctx, SqlError.SYNTAX, "An identity column's increment must not be 0");
        }
        return new ColumnSpec(name, TypeBuilder.type(ctx.dataType()), notNull || primaryKey, primaryKey, defaultSql, identity,
                start, increment, generatedSql);
    }

    private static String optionalName(IdentifierContext id) {
        return id == null ? null : ExpressionBuilder.name(id);
    }

    private static List<String> primaryKeyColumns(PrimaryKeyConstraintContext pk) {
        List<String> columns = new ArrayList<>();
        for (IdentifierContext id : pk.columns) {
            String col = ExpressionBuilder.name(id);
            if (columns.contains(col)) {
                throw StatementBuilder.positioned(id, SqlError.SYNTAX, "Column '" + col + "' appears twice in the PRIMARY KEY");
            }
            columns.add(col);
        }
        return columns;
    }

    private ConstraintSpec constraint(TableConstraintContext ctx) {
        if (ctx instanceof UniqueConstraintContext u) {
            return new ConstraintSpec(optionalName(u.name), ConstraintSpec.Kind.UNIQUE, names(u.columns), null, null, List.of());
        }
        if (ctx instanceof CheckConstraintContext c) {
            return new ConstraintSpec(optionalName(c.name), ConstraintSpec.Kind.CHECK, List.of(), text(c.expression()), null, List.of());
        }
        if (ctx instanceof ForeignKeyConstraintContext f) {
            return new ConstraintSpec(optionalName(f.name), ConstraintSpec.Kind.FOREIGN_KEY, names(f.columns), null,
                    names.table(f.tableName()), names(f.refColumns), ReferentialActions.onDelete(f.referentialAction()),
                    ReferentialActions.onUpdate(f.referentialAction()));
        }
        throw StatementBuilder.positioned(ctx, SqlError.FEATURE_NOT_SUPPORTED, "Adding a PRIMARY KEY to an existing table is not supported");
    }

    private AlterAction alter(AlterActionContext ctx, QualifiedName table) {
        if (ctx instanceof AddColumnContext a) {
            List<ConstraintSpec> constraints = new ArrayList<>();
            ColumnSpec column = column(a.columnDefinition(), constraints);
            if (column.primaryKey()) {
                throw StatementBuilder.positioned(ctx, SqlError.FEATURE_NOT_SUPPORTED, "Adding a PRIMARY KEY column is not supported");
            }
            return new AlterAction.AddColumn(column, a.EXISTS() != null, constraints);
        }
        if (ctx instanceof DropColumnContext d) {
            return new AlterAction.DropColumn(ExpressionBuilder.name(d.identifier()), d.EXISTS() != null, d.CASCADE() != null);
        }
        if (ctx instanceof RenameColumnContext r) {
            return new AlterAction.RenameColumn(ExpressionBuilder.name(r.from), ExpressionBuilder.name(r.to));
        }
        if (ctx instanceof RenameTableContext r) {
            // RENAME TO a bare name keeps the table in its schema (PostgreSQL, H2)
            QualifiedName to = names.table(r.tableName());
            return new AlterAction.RenameTable(r.tableName().identifier().size() == 1 ? new QualifiedName(table.schema(), to.name()) : to);
        }
        if (ctx instanceof AlterColumnContext a) {
            return ColumnChanges.alterColumn(ExpressionBuilder.name(a.column), a.alterColumnAction());
        }
        if (ctx instanceof ModifyColumnContext m) {
            return ColumnChanges.redefine(ExpressionBuilder.name(m.column), m.dataType(), m.columnConstraint());
        }
        if (ctx instanceof AddConstraintContext a && a.tableConstraint() instanceof PrimaryKeyConstraintContext pk) {
            return new AlterAction.AddPrimaryKey(primaryKeyColumns(pk));
        }
        if (ctx instanceof AddConstraintContext a) {
            return new AlterAction.AddConstraint(constraint(a.tableConstraint()));
        }
        DropConstraintContext d = (DropConstraintContext) ctx;
        return new AlterAction.DropConstraint(ExpressionBuilder.name(d.identifier()), d.EXISTS() != null);
    }

    private Statement createSequence(CreateSequenceContext ctx) {
        Long start = null;
        Long increment = null;
        Long min = null;
        Long max = null;
        boolean cycle = false;
        for (SequenceOptionContext o : ctx.sequenceOption()) {
            if (o instanceof StartWithContext s) {
                start = number(s.signedInteger());
            } else if (o instanceof IncrementByContext i) {
                increment = number(i.signedInteger());
            } else if (o instanceof MinValueContext m) {
                min = number(m.signedInteger());
            } else if (o instanceof MaxValueContext m) {
                max = number(m.signedInteger());
            } else if (o instanceof CycleOptionContext) {
                cycle = true;
            }
        }
        if (increment != null && increment == 0) {
            throw StatementBuilder.positioned(ctx, SqlError.SYNTAX, "A sequence's increment must not be 0");
        }
        return new Statement.CreateSequence(names.table(ctx.tableName()), ctx.EXISTS() != null, start, increment,
                min, max, cycle);
    }

    private static long number(SignedIntegerContext ctx) {
        try {
            long v = Long.parseLong(ctx.INTEGER_LITERAL().getText());
            return ctx.MINUS() != null ? -v : v;
        } catch (NumberFormatException e) {
            throw StatementBuilder.positioned(ctx, SqlError.NUMERIC_OUT_OF_RANGE, "Number " + ctx.getText() + " does not fit in BIGINT");
        }
    }

    private static List<String> names(List<IdentifierContext> ids) {
        List<String> out = new ArrayList<>();
        for (IdentifierContext id : ids) {
            out.add(ExpressionBuilder.name(id));
        }
        return out;
    }

    /** The original text of {@code ctx}, for DEFAULT and CHECK expressions kept in the catalog. */
    static String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }

    /** An index lives in its table's schema; H2 lets the name say so ({@code CREATE INDEX s.ix ON s.t}). */
    private static String indexName(CreateIndexContext c, QualifiedName table) {
        List<IdentifierContext> parts = c.name.identifier();
        if (parts.size() == 2 && !ExpressionBuilder.name(parts.get(0)).equals(table.schema())) {
            throw StatementBuilder.positioned(c.name, SqlError.SYNTAX, "Index " + c.name.getText()
                    + " must be in the schema of its table " + table.schema() + "." + table.name());
        }
        return ExpressionBuilder.name(parts.get(parts.size() - 1));
    }
}
