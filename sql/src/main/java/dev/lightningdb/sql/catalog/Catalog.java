package dev.lightningdb.sql.catalog;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.MalformedDataException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The committed catalog of one database, shared by all sessions, cached in memory and kept in the
 * engine's system key range. Invariants:
 * <ol>
 *   <li>{@link #snapshot} always equals what is committed in the store: it is replaced only by
 *       {@link #publish} after the transaction that wrote the catalog keys committed.
 *   <li>Each published change increments {@link #version()}, so plans cached against an older
 *       version are recompiled.
 *   <li>Table ids are never handed out twice in one process; {@link #load} starts past the largest stored id.
 * </ol>
 */
public final class Catalog implements CatalogView {
    private volatile Snapshot snapshot;
    private final AtomicInteger nextTableId;

    private record Snapshot(Map<QualifiedName, TableDef> tables, long version) {
    }

    private Catalog(Map<QualifiedName, TableDef> tables, int nextTableId) {
        this.snapshot = new Snapshot(Map.copyOf(tables), 1);
        this.nextTableId = new AtomicInteger(nextTableId);
    }

    /** Reads every table definition from the store. */
    public static Catalog load(LightningDb engine) {
        Map<QualifiedName, TableDef> tables = new HashMap<>();
        int maxId = 0;
        try (Cursor c = engine.scan(CatalogKeys.allTables())) {
            while (c.next()) {
                TableDef t;
                try {
                    t = CatalogCodec.decode(c.value());
                } catch (MalformedDataException e) {
                    throw new SqlError(SqlError.CORRUPTION, "The catalog entry of a table is damaged: " + e.getMessage(), e);
                }
                tables.put(t.name(), t);
                maxId = Math.max(maxId, t.id());
            }
        }
        return new Catalog(tables, maxId + 1);
    }

    @Override
    public TableDef table(QualifiedName name) {
        return snapshot.tables().get(name);
    }

    @Override
    public Collection<TableDef> tables() {
        return snapshot.tables().values();
    }

    @Override
    public long version() {
        return snapshot.version();
    }

    public int allocateTableId() {
        return nextTableId.getAndIncrement();
    }

    /** Makes a committed transaction's DDL visible to everyone (invariant 1). */
    public synchronized void publish(CatalogChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<QualifiedName, TableDef> next = new HashMap<>(snapshot.tables());
        changes.applyTo(next);
        snapshot = new Snapshot(Map.copyOf(next), snapshot.version() + 1);
    }
}
