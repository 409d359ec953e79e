package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction's uncommitted DDL, seen through {@link #view} by that transaction only and
 * handed to {@link Catalog#publish} at commit. A dropped table is recorded as a null entry.
 */
public final class CatalogChanges {
    private final Map<QualifiedName, TableDef> changed = new LinkedHashMap<>();

    public void create(TableDef table) {
        changed.put(table.name(), table);
    }

    public void drop(QualifiedName name) {
        changed.put(name, null);
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }

    public void clear() {
        changed.clear();
    }

    void applyTo(Map<QualifiedName, TableDef> tables) {
        changed.forEach((name, table) -> {
            if (table == null) {
                tables.remove(name);
            } else {
                tables.put(name, table);
            }
        });
    }

    /** The committed catalog overlaid with these changes. */
    public CatalogView view(Catalog committed) {
        if (changed.isEmpty()) {
            return committed;
        }
        return new CatalogView() {
            @Override
            public TableDef table(QualifiedName name) {
                return changed.containsKey(name) ? changed.get(name) : committed.table(name);
            }

            @Override
            public Collection<TableDef> tables() {
                Map<QualifiedName, TableDef> all = new HashMap<>();
                for (TableDef t : committed.tables()) {
                    all.put(t.name(), t);
                }
                applyTo(all);
                List<TableDef> out = new ArrayList<>(all.values());
                return out;
            }

            @Override
            public long version() {
                return -1;
            }
        };
    }
}
