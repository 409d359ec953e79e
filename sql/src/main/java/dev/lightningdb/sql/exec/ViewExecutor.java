package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ColumnDef;
import dev.lightningdb.sql.catalog.ViewCodec;
import dev.lightningdb.sql.catalog.ViewDef;
import dev.lightningdb.sql.parser.SqlParser;
import dev.lightningdb.sql.plan.ViewAnalysis;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE VIEW and DROP VIEW. A view is its query text, the schema its unqualified names are in, its
 * columns (frozen now, as PostgreSQL does) and what it reads ({@link ViewDef}); the planner expands it
 * where it is named. Creating one plans its query once, so a view that cannot run is refused here.
 */
final class ViewExecutor {
    private ViewExecutor() {
    }

    /** A fresh parse of a view's stored query (the planner's {@code ViewParser}). */
    static SqlNode parseQuery(String sql) {
        Statement s = SqlParser.parse(sql);
        if (!(s instanceof Statement.Query q)) {
            throw new SqlError(SqlError.SYNTAX, "A view's definition must be a query");
        }
        if (q.parameterCount() > 0) {
            throw new SqlError(SqlError.SYNTAX, "A view's query cannot have parameters (?) or NEXT VALUE FOR");
        }
        return q.node();
    }

    static long create(StatementContext cx, Transaction txn, Statement.CreateView create) {
        CatalogView catalog = cx.catalog();
        QualifiedName name = create.name();
        if (catalog.table(name) != null) {
            throw new SqlError(SqlError.TABLE_EXISTS, "Table " + name.name() + " already exists (a view cannot have its name)");
        }
        ViewDef old = catalog.view(name);
        if (old != null && create.ifNotExists()) {
            return 0;
        }
        if (old != null && !create.orReplace()) {
            throw new SqlError(SqlError.TABLE_EXISTS, "View " + name.name() + " already exists");
        }
        if (!catalog.schemas().contains(name.schema())) {
            throw new SqlError("3F000", "Schema " + name.schema() + " does not exist");
        }
        ViewAnalysis analysis = cx.services().planner().analyzeView(parseQuery(create.sql()), catalog, cx.schema());
        cx.services().planner().compile(parseQuery(create.sql()), catalog, cx.schema()); // refuses what cannot run
        ViewDef view = new ViewDef(name, create.sql(), cx.schema(), columns(create, analysis.columns()), analysis.tables(),
                analysis.views());
        if (old != null) {
            checkReplacement(catalog, old, view);
        }
        txn.put(CatalogKeys.view(name), ViewCodec.encode(view));
        cx.changes().put(view);
        return 0;
    }

    /** The view's columns: the query's, named by the column list if there is one. */
    private static List<ColumnDef> columns(Statement.CreateView create, List<ColumnDef> answered) {
        List<String> names = create.columns();
        if (!names.isEmpty() && names.size() != answered.size()) {
            throw new SqlError("42601", "View " + create.name().name() + " names " + names.size() + " columns, its query answers "
                    + answered.size());
        }
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answered.size(); i++) {
            String column = names.isEmpty() ? answered.get(i).name() : names.get(i);
            if (!seen.add(column)) {
                throw new SqlError("42701", "Column " + column + " appears twice in view " + create.name().name()
                        + " (name the columns with AS or a column list)");
            }
            columns.add(new ColumnDef(column, answered.get(i).type(), true, null));
        }
        return columns;
    }

    /**
     * OR REPLACE of a view that others read: it must keep the old columns, by name and in order (as
     * PostgreSQL asks), and must not read any of its readers (a cycle).
     */
    private static void checkReplacement(CatalogView catalog, ViewDef old, ViewDef replacement) {
        List<ViewDef> readers = ViewDependents.of(catalog, v -> v.dependsOn(old.name()));
        for (ViewDef r : readers) {
            if (replacement.dependsOn(r.name())) {
                throw new SqlError("42P17", "View " + old.name().name() + " cannot read view " + r.name().name()
                        + ", which reads it (views cannot be recursive)");
            }
        }
        if (readers.isEmpty()) {
            return;
        }
        List<ColumnDef> before = old.columns();
        List<ColumnDef> after = replacement.columns();
        for (int i = 0; i < before.size(); i++) {
            if (i >= after.size() || !before.get(i).name().equals(after.get(i).name())) {
                throw new SqlError("42P16", "View " + old.name().name() + " would lose or rename column " + before.get(i).name()
                        + ", which view " + readers.get(0).name().name() + " may read (a replacement keeps the old columns first)");
            }
        }
    }

    static long drop(StatementContext cx, Transaction txn, Statement.DropView drop) {
        List<ViewDef> views = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            ViewDef v = cx.catalog().view(name);
            if (v != null) {
                views.add(v);
            } else if (cx.catalog().table(name) != null) {
                throw new SqlError("42809", name.name() + " is a table, not a view: use DROP TABLE");
            } else if (!drop.ifExists()) {
                throw new SqlError(SqlError.UNKNOWN_TABLE, "View " + name.name() + " not found");
            }
        }
        Set<QualifiedName> dropped = new HashSet<>();
        views.forEach(v -> dropped.add(v.name()));
        for (ViewDef v : views) {
            ViewDependents.release(cx, txn, r -> !dropped.contains(r.name()) && r.dependsOn(v.name()), drop.cascade(),
                    "drop view " + v.name().name());
            if (cx.catalog().view(v.name()) != null) {
                ViewDependents.drop(cx, txn, v);
            }
        }
        return 0;
    }
}
