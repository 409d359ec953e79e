package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.ReferentialAction;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.ConstraintDef;
import dev.lightningdb.sql.catalog.IndexDef;
import dev.lightningdb.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * INFORMATION_SCHEMA's TABLE_CONSTRAINTS, KEY_COLUMN_USAGE and REFERENTIAL_CONSTRAINTS. The primary
 * key constraint is named {@code PK_<table>}, as {@code DatabaseMetaData.getPrimaryKeys} names it;
 * UNIQUE, CHECK and FOREIGN KEY constraints have their declared or generated names.
 */
final class InfoConstraints {
    private InfoConstraints() {
    }

    static String primaryKeyName(TableDef t) {
        return "PK_" + t.name().name();
    }

    static List<Object[]> tableConstraints(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : InfoObjects.sorted(catalog.tables(), TableDef::name)) {
            if (!t.hasRowId()) { // a table keyed by its hidden row id has no primary key
                rows.add(constraint(t, primaryKeyName(t), "PRIMARY KEY"));
            }
            for (IndexDef i : t.indexes()) {
                if (i.constraint()) {
                    rows.add(constraint(t, i.name(), "UNIQUE"));
                }
            }
            for (ConstraintDef c : t.constraints()) {
                rows.add(constraint(t, c.name(), c.kind() == ConstraintSpec.Kind.CHECK ? "CHECK" : "FOREIGN KEY"));
            }
        }
        return rows;
    }

    private static Object[] constraint(TableDef t, String name, String type) {
        String schema = t.name().schema();
        return new Object[] {null, schema, name, type, null, schema, t.name().name(), "NO", "NO", "YES"};
    }

    static List<Object[]> keyColumnUsage(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : InfoObjects.sorted(catalog.tables(), TableDef::name)) {
            if (!t.hasRowId()) {
                usage(rows, t, primaryKeyName(t), names(t, t.primaryKey()), false);
            }
            for (IndexDef i : t.indexes()) {
                if (i.constraint()) {
                    usage(rows, t, i.name(), names(t, i.columns()), false);
                }
            }
            for (ConstraintDef c : t.constraints()) {
                if (c.kind() == ConstraintSpec.Kind.FOREIGN_KEY) {
                    usage(rows, t, c.name(), c.columns(), true);
                }
            }
        }
        return rows;
    }

    private static void usage(List<Object[]> rows, TableDef t, String constraint, List<String> columns, boolean foreign) {
        String schema = t.name().schema();
        for (int i = 0; i < columns.size(); i++) {
            rows.add(new Object[] {null, schema, constraint, null, schema, t.name().name(), columns.get(i), i + 1,
                    foreign ? i + 1 : null});
        }
    }

    static List<Object[]> referentialConstraints(CatalogView catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : InfoObjects.sorted(catalog.tables(), TableDef::name)) {
            for (ConstraintDef c : t.constraints()) {
                if (c.kind() != ConstraintSpec.Kind.FOREIGN_KEY) {
                    continue;
                }
                TableDef referenced = catalog.table(c.references());
                String unique = referenced == null ? null : uniqueConstraint(referenced, c.referencedColumns());
                rows.add(new Object[] {null, t.name().schema(), c.name(), null, unique == null ? null : referenced.name().schema(),
                        unique, "NONE", rule(c.onUpdate()), rule(c.onDelete())});
            }
        }
        return rows;
    }

    /** An action as the standard spells it: NO ACTION (the default, as in PostgreSQL; H2 says RESTRICT), CASCADE, SET NULL... */
    private static String rule(ReferentialAction action) {
        return action.name().replace('_', ' ');
    }

    /** The primary key or UNIQUE constraint of {@code t} over exactly {@code columns} (empty: the primary key), or null. */
    private static String uniqueConstraint(TableDef t, List<String> columns) {
        if (columns.isEmpty() || columns.equals(names(t, t.primaryKey()))) {
            return primaryKeyName(t);
        }
        for (IndexDef i : t.indexes()) {
            if (i.unique() && names(t, i.columns()).equals(columns)) {
                return i.name();
            }
        }
        return null;
    }

    private static List<String> names(TableDef t, int[] positions) {
        return Arrays.stream(positions).mapToObj(p -> t.column(p).name()).toList();
    }
}
