package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One transaction's uncommitted DDL, seen through {@link #view} by that transaction only and
 * handed to {@link Catalog#publish} at commit. A dropped object is recorded as a null entry.
 */
public final class CatalogChanges {
    private final Map<QualifiedName, TableDef> tables = new LinkedHashMap<>();
    private final Map<QualifiedName, SequenceDef> sequences = new LinkedHashMap<>();
    private final Map<String, Boolean> schemas = new LinkedHashMap<>();
    private final Map<Integer, TableStats> statistics = new LinkedHashMap<>();
    private final Map<QualifiedName, ViewDef> views = new LinkedHashMap<>();

    /** Records a new or changed table (a renamed one: drop the old name, then put the new). */
    public void put(TableDef table) {
        tables.put(table.name(), table);
    }

    public void drop(QualifiedName name) {
        tables.put(name, null);
    }

    /** Records a new or replaced view. */
    public void put(ViewDef view) {
        views.put(view.name(), view);
    }

    public void dropView(QualifiedName name) {
        views.put(name, null);
    }

    public void put(SequenceDef sequence) {
        sequences.put(sequence.name(), sequence);
    }

    public void dropSequence(QualifiedName name) {
        sequences.put(name, null);
    }

    public void schema(String name, boolean exists) {
        schemas.put(name, exists);
    }

    /** Records what ANALYZE measured of a table; null forgets it (its values no longer fit the table). */
    public void statistics(int tableId, TableStats stats) {
        statistics.put(tableId, stats);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && sequences.isEmpty() && schemas.isEmpty() && statistics.isEmpty() && views.isEmpty();
    }

    /** An independent copy, e.g. for a savepoint. */
    public CatalogChanges copy() {
        CatalogChanges c = new CatalogChanges();
        c.restore(this);
        return c;
    }

    /** Makes these changes equal to {@code other}'s (rolling back to a savepoint). */
    public void restore(CatalogChanges other) {
        if (other == this) {
            return;
        }
        clear();
        tables.putAll(other.tables);
        sequences.putAll(other.sequences);
        schemas.putAll(other.schemas);
        statistics.putAll(other.statistics);
        views.putAll(other.views);
    }

    public void clear() {
        tables.clear();
        sequences.clear();
        schemas.clear();
        statistics.clear();
        views.clear();
    }

    void applyViewsTo(Map<QualifiedName, ViewDef> allViews) {
        views.forEach((name, view) -> {
            if (view == null) {
                allViews.remove(name);
            } else {
                allViews.put(name, view);
            }
        });
    }

    void applyTo(Map<QualifiedName, TableDef> allTables, Map<QualifiedName, SequenceDef> allSequences, Set<String> allSchemas,
                 Map<Integer, TableStats> allStatistics) {
        statistics.forEach((id, stats) -> {
            if (stats == null) {
                allStatistics.remove(id);
            } else {
                allStatistics.put(id, stats);
            }
        });
        tables.forEach((name, table) -> {
            if (table == null) {
                allTables.remove(name);
            } else {
                allTables.put(name, table);
            }
        });
        sequences.forEach((name, seq) -> {
            if (seq == null) {
                allSequences.remove(name);
            } else {
                allSequences.put(name, seq);
            }
        });
        schemas.forEach((name, exists) -> {
            if (exists) {
                allSchemas.add(name);
            } else {
                allSchemas.remove(name);
            }
        });
    }

    /** The committed catalog overlaid with these changes. */
    public CatalogView view(Catalog committed) {
        if (isEmpty()) {
            return committed;
        }
        Catalog.Snapshot s = committed.snapshot();
        Map<QualifiedName, TableDef> allTables = new HashMap<>(s.tables());
        Map<QualifiedName, SequenceDef> allSequences = new HashMap<>(s.sequences());
        Set<String> allSchemas = new TreeSet<>(s.schemas());
        Map<Integer, TableStats> allStatistics = new HashMap<>(s.statistics());
        applyTo(allTables, allSequences, allSchemas, allStatistics);
        Map<QualifiedName, ViewDef> allViews = new HashMap<>(s.views());
        applyViewsTo(allViews);
        return new CatalogView() {
            @Override
            public ViewDef view(QualifiedName name) {
                return allViews.get(name);
            }

            @Override
            public Collection<ViewDef> views() {
                return allViews.values();
            }

            @Override
            public TableDef table(QualifiedName name) {
                return allTables.get(name);
            }

            @Override
            public Collection<TableDef> tables() {
                return allTables.values();
            }

            @Override
            public SequenceDef sequence(QualifiedName name) {
                return allSequences.get(name);
            }

            @Override
            public Collection<SequenceDef> sequences() {
                return allSequences.values();
            }

            @Override
            public Set<String> schemas() {
                Set<String> all = new TreeSet<>(allSchemas);
                all.add(QualifiedName.DEFAULT_SCHEMA);
                for (TableDef t : allTables.values()) {
                    all.add(t.name().schema());
                }
                return all;
            }

            @Override
            public TableStats statistics(int tableId) {
                return allStatistics.get(tableId);
            }

            @Override
            public long version() {
                return -1;
            }
        };
    }
}
