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
 * Temporary tables are changed apart: they go to the session's {@link TemporaryTables} at commit
 * ({@link #commitTemporary}), never to the shared catalog, and {@link #view} shows them over it.
 */
public final class CatalogChanges {
    private final TemporaryTables temporary;
    private final Map<QualifiedName, TableDef> temporaryChanges = new LinkedHashMap<>();
    /** The last view made, and what it was made of: a session asks for it many times per statement. */
    private CatalogView lastView;
    private Catalog.Snapshot lastViewOf;
    private long changeCount;
    private long lastViewAt = -1;
    private final Map<QualifiedName, TableDef> tables = new LinkedHashMap<>();
    private final Map<QualifiedName, SequenceDef> sequences = new LinkedHashMap<>();
    private final Map<String, Boolean> schemas = new LinkedHashMap<>();
    private final Map<Integer, TableStats> statistics = new LinkedHashMap<>();

    /** Changes with no temporary table of their own (a connection's, or a savepoint's copy shares it). */
    public CatalogChanges() {
        this(new TemporaryTables());
    }

    /** Changes over the session's {@code temporary} tables. */
    public CatalogChanges(TemporaryTables temporary) {
        this.temporary = temporary;
    }

    /** The session's committed temporary tables and the database of their rows. */
    public TemporaryTables temporary() {
        return temporary;
    }

    /** Records a new or changed table (a renamed one: drop the old name, then put the new). */
    public void put(TableDef table) {
        changeCount++;
        (table.isLocalTemporary() ? temporaryChanges : tables).put(table.name(), table);
    }

    /** Records that the table {@code name} (temporary or not, as this transaction sees it) is dropped. */
    public void drop(QualifiedName name) {
        changeCount++;
        boolean isTemporary = temporaryChanges.containsKey(name) ? temporaryChanges.get(name) != null : temporary.table(name) != null;
        (isTemporary ? temporaryChanges : tables).put(name, null);
    }

    /** The temporary tables as this transaction leaves them (a null value: dropped); commit hands them to {@link #commitTemporary}. */
    public Map<QualifiedName, TableDef> temporaryChanges() {
        return temporaryChanges;
    }

    /** The transaction committed: its temporary table changes become the session's. */
    public void commitTemporary() {
        changeCount++;
        temporary.apply(temporaryChanges);
        temporaryChanges.clear();
    }

    public void put(SequenceDef sequence) {
        changeCount++;
        sequences.put(sequence.name(), sequence);
    }

    public void dropSequence(QualifiedName name) {
        changeCount++;
        sequences.put(name, null);
    }

    public void schema(String name, boolean exists) {
        changeCount++;
        schemas.put(name, exists);
    }

    /** Records what ANALYZE measured of a table; null forgets it (its values no longer fit the table). */
    public void statistics(int tableId, TableStats stats) {
        changeCount++;
        statistics.put(tableId, stats);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && sequences.isEmpty() && schemas.isEmpty() && statistics.isEmpty();
    }

    /** An independent copy, e.g. for a savepoint. */
    public CatalogChanges copy() {
        CatalogChanges c = new CatalogChanges(temporary);
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
        temporaryChanges.putAll(other.temporaryChanges);
    }

    public void clear() {
        changeCount++;
        temporaryChanges.clear();
        tables.clear();
        sequences.clear();
        schemas.clear();
        statistics.clear();
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
        if (isEmpty() && temporaryChanges.isEmpty() && temporary.isEmpty()) {
            return committed;
        }
        Catalog.Snapshot s = committed.snapshot();
        if (lastView != null && lastViewOf == s && lastViewAt == changeCount) {
            return lastView;
        }
        long at = changeCount;
        CatalogView view = overlay(s);
        lastView = view;
        lastViewOf = s;
        lastViewAt = at;
        return view;
    }

    private CatalogView overlay(Catalog.Snapshot s) {
        Map<QualifiedName, TableDef> allTables = new HashMap<>(s.tables());
        Map<QualifiedName, SequenceDef> allSequences = new HashMap<>(s.sequences());
        Set<String> allSchemas = new TreeSet<>(s.schemas());
        Map<Integer, TableStats> allStatistics = new HashMap<>(s.statistics());
        applyTo(allTables, allSequences, allSchemas, allStatistics);
        Map<QualifiedName, TableDef> temporaryNow = new HashMap<>();
        for (TableDef t : temporary.tables()) {
            temporaryNow.put(t.name(), t);
        }
        temporaryChanges.forEach((name, table) -> {
            if (table == null) {
                temporaryNow.remove(name);
            } else {
                temporaryNow.put(name, table);
            }
        });
        allTables.putAll(temporaryNow); // a temporary table hides a permanent one of its name (created later, by another session)
        long version = isEmpty() && temporaryChanges.isEmpty() ? temporary.version(s.version()) : -1;
        return new CatalogView() {
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
                return version;
            }
        };
    }
}
