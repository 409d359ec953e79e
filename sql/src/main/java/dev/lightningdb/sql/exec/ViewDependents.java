package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.Statement.AlterAction;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.ViewDef;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The views that stand in the way of dropping or changing what they read, as PostgreSQL treats them:
 * a drop is refused with 2BP01 naming them, or with CASCADE drops them too (and the views that read
 * those). Schema changes run one at a time under the schema lock, so no view can be created on a
 * table while the table is being dropped.
 */
final class ViewDependents {
    static final String DEPENDENT_OBJECTS = "2BP01";

    private ViewDependents() {
    }

    /** The views {@code affected} selects, and every view reading one of them, each once, readers last. */
    static List<ViewDef> of(CatalogView catalog, Predicate<ViewDef> affected) {
        Map<QualifiedName, ViewDef> found = new LinkedHashMap<>();
        List<ViewDef> pending = new ArrayList<>(catalog.views().stream().filter(affected).toList());
        while (!pending.isEmpty()) {
            ViewDef v = pending.remove(0);
            if (found.putIfAbsent(v.name(), v) == null) {
                pending.addAll(catalog.dependents(v.name()));
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Refuses {@code action} (e.g. "drop table EMP") when views depend on it, or, with {@code cascade},
     * drops those views in {@code txn}.
     */
    static void release(StatementContext cx, Transaction txn, Predicate<ViewDef> affected, boolean cascade, String action) {
        List<ViewDef> views = of(cx.catalog(), affected);
        if (views.isEmpty()) {
            return;
        }
        if (!cascade) {
            throw refusal(views, action, " (use CASCADE to drop the dependent views too)");
        }
        for (ViewDef v : views) {
            drop(cx, txn, v);
        }
    }

    /** Refuses {@code action} when views depend on it: they would no longer match their tables. */
    static void refuse(CatalogView catalog, Predicate<ViewDef> affected, String action) {
        List<ViewDef> views = of(catalog, affected);
        if (!views.isEmpty()) {
            throw refusal(views, action, " (drop the dependent views first, and create them again after)");
        }
    }

    /**
     * What ALTER TABLE {@code action} of {@code table} does to the views that read it: DROP COLUMN
     * refuses or cascades; renaming the table or a column the views use, or changing such a column's
     * type, is refused (a view keeps its query's text and its columns' types).
     */
    static void beforeAlter(StatementContext cx, Transaction txn, TableDef table, AlterAction action) {
        QualifiedName name = table.name();
        String column = null;
        ColumnType type = null;
        if (action instanceof AlterAction.DropColumn drop) {
            if (table.columnIndex(drop.column()) >= 0) {
                release(cx, txn, v -> v.uses(name, drop.column()), drop.cascade(),
                        "drop column " + drop.column() + " of table " + name.name());
            }
            return;
        } else if (action instanceof AlterAction.RenameTable) {
            refuse(cx.catalog(), v -> v.dependsOn(name), "rename table " + name.name());
            return;
        } else if (action instanceof AlterAction.RenameColumn rename) {
            refuse(cx.catalog(), v -> v.uses(name, rename.from()), "rename column " + rename.from() + " of table " + name.name());
            return;
        } else if (action instanceof AlterAction.SetColumnType set) {
            column = set.column();
            type = set.type();
        } else if (action instanceof AlterAction.RedefineColumn redefine) {
            column = redefine.column();
            type = redefine.type();
        }
        int position = column == null ? -1 : table.columnIndex(column);
        if (position >= 0 && !table.column(position).type().equals(type)) {
            String c = column;
            refuse(cx.catalog(), v -> v.uses(name, c), "change the type of column " + c + " of table " + name.name());
        }
    }

    static void drop(StatementContext cx, Transaction txn, ViewDef view) {
        txn.delete(CatalogKeys.view(view.name()));
        cx.changes().dropView(view.name());
    }

    private static SqlError refusal(List<ViewDef> views, String action, String hint) {
        List<String> names = views.stream().map(v -> v.name().name()).toList();
        return new SqlError(DEPENDENT_OBJECTS, "Cannot " + action + ": view" + (names.size() > 1 ? "s " : " ")
                + String.join(", ", names) + (names.size() > 1 ? " depend" : " depends") + " on it" + hint);
    }
}
