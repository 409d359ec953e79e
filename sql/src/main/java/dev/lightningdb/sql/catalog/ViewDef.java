package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A view: a stored query that the planner expands wherever the view is named. Immutable.
 * Invariants:
 * <ol>
 *   <li>{@link #columns} is frozen at creation, as PostgreSQL does: a {@code SELECT *} view keeps the
 *       columns its tables had then (a column added later is not in it). Every view column is nullable.
 *   <li>{@link #tables} and {@link #views} name everything the query reads, so that dropping or
 *       changing a table, a column or a view it needs is refused (2BP01) or cascades to the view.
 * </ol>
 *
 * @param name the view's name
 * @param sql the query as written after {@code AS}
 * @param schema the current schema of the session that created it: where the query's unqualified
 *     names are looked up, whatever the schema of the session reading the view
 * @param columns the view's columns (types as the query answered them at creation)
 * @param tables each table the query reads (views expanded), with the columns it uses of it
 * @param views the views the query names directly
 */
public record ViewDef(QualifiedName name, String sql, String schema, List<ColumnDef> columns,
                      Map<QualifiedName, Set<String>> tables, Set<QualifiedName> views) {
    public ViewDef {
        columns = List.copyOf(columns);
        tables = Map.copyOf(tables);
        views = Set.copyOf(views);
    }

    /** Whether the query reads {@code table} or names the view {@code table}. */
    public boolean dependsOn(QualifiedName table) {
        return tables.containsKey(table) || views.contains(table);
    }

    /** Whether the query uses column {@code column} of table {@code table}. */
    public boolean uses(QualifiedName table, String column) {
        Set<String> used = tables.get(table);
        return used != null && used.contains(column);
    }
}
