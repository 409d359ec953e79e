package dev.lightningdb.sql.catalog;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.codec.ByteReader;
import dev.lightningdb.sql.codec.KeyCodec;
import dev.lightningdb.sql.codec.MalformedDataException;
import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.SqlError;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The committed catalog of one database, shared by all sessions, cached in memory and kept in the
 * engine's system key range. Invariants:
 * <ol>
 *   <li>{@link #snapshot} always equals what is committed in the store: it is replaced only by
 *       {@link #publish} after the transaction that wrote the catalog keys committed.
 *   <li>Each published change increments {@link #version()}, so plans cached against an older
 *       version are recompiled.
 *   <li>Table and index ids are never handed out twice in one process; {@link #load} starts past the
 *       largest stored id.
 * </ol>
 */
public final class Catalog implements CatalogView {
    private volatile Snapshot snapshot;
    private final AtomicInteger nextId;

    record Snapshot(Map<QualifiedName, TableDef> tables, Map<QualifiedName, SequenceDef> sequences, Set<String> schemas,
                    Map<Integer, TableStats> statistics, long version, boolean hasTemporary) {
        Snapshot(Map<QualifiedName, TableDef> tables, Map<QualifiedName, SequenceDef> sequences, Set<String> schemas,
                 Map<Integer, TableStats> statistics, long version) {
            this(tables, sequences, schemas, statistics, version, tables.values().stream().anyMatch(t -> t.temporary() != null));
        }
    }

    private Catalog(Snapshot snapshot, int nextId) {
        this.snapshot = snapshot;
        this.nextId = new AtomicInteger(nextId);
    }

    /** Reads every table, sequence and schema from the store. */
    public static Catalog load(LightningDb engine) {
        Map<QualifiedName, TableDef> tables = read(engine, CatalogKeys.allTables(), CatalogCodec::decode, TableDef::name);
        Map<QualifiedName, SequenceDef> sequences = read(engine, CatalogKeys.allSequences(), CatalogCodec::decodeSequence,
                SequenceDef::name);
        Set<String> schemas = new TreeSet<>();
        try (Cursor c = engine.scan(CatalogKeys.allSchemas())) {
            while (c.next()) {
                byte[] key = c.key();
                try {
                    schemas.add((String) KeyCodec.decode(new ByteReader(key, 2, key.length), ColumnType.of(ColumnType.Kind.VARCHAR)));
                } catch (MalformedDataException e) {
                    throw new SqlError(SqlError.CORRUPTION, "A schema entry of the catalog is damaged: " + e.getMessage(), e);
                }
            }
        }
        Map<Integer, TableStats> statistics = new HashMap<>();
        try (Cursor c = engine.scan(CatalogKeys.allStatistics())) {
            while (c.next()) {
                byte[] key = c.key();
                try {
                    statistics.put(new ByteReader(key, 2, key.length).readIntBE(), TableStats.decode(c.value()));
                } catch (MalformedDataException e) {
                    // statistics are advice: damaged ones are ignored (and replaced by the next ANALYZE)
                }
            }
        }
        int maxId = 0;
        for (TableDef t : tables.values()) {
            maxId = Math.max(maxId, t.id());
            for (IndexDef i : t.indexes()) {
                maxId = Math.max(maxId, i.id());
            }
        }
        return new Catalog(new Snapshot(Map.copyOf(tables), Map.copyOf(sequences), Set.copyOf(schemas), Map.copyOf(statistics), 1),
                maxId + 1);
    }

    private static <T> Map<QualifiedName, T> read(LightningDb engine, KeyRange range, Function<byte[], T> decode,
                                                  Function<T, QualifiedName> name) {
        Map<QualifiedName, T> out = new HashMap<>();
        try (Cursor c = engine.scan(range)) {
            while (c.next()) {
                try {
                    T def = decode.apply(c.value());
                    out.put(name.apply(def), def);
                } catch (MalformedDataException e) {
                    throw new SqlError(SqlError.CORRUPTION, "A catalog entry is damaged: " + e.getMessage(), e);
                }
            }
        }
        return out;
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
    public SequenceDef sequence(QualifiedName name) {
        return snapshot.sequences().get(name);
    }

    @Override
    public Collection<SequenceDef> sequences() {
        return snapshot.sequences().values();
    }

    @Override
    public Set<String> schemas() {
        Set<String> all = new TreeSet<>(snapshot.schemas());
        all.add(QualifiedName.DEFAULT_SCHEMA);
        for (TableDef t : tables()) {
            all.add(t.name().schema());
        }
        return all;
    }

    @Override
    public long version() {
        return snapshot.version();
    }

    /** Whether a GLOBAL TEMPORARY table exists: then every session needs a place for its rows of it. */
    public boolean hasTemporaryTables() {
        return snapshot.hasTemporary();
    }

    @Override
    public TableStats statistics(int tableId) {
        return snapshot.statistics().get(tableId);
    }

    /** A fresh id for a table or an index (invariant 3). */
    public int allocateTableId() {
        return nextId.getAndIncrement();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Makes a committed transaction's DDL visible to everyone (invariant 1). */
    public synchronized void publish(CatalogChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        Snapshot s = snapshot;
        Map<QualifiedName, TableDef> tables = new HashMap<>(s.tables());
        Map<QualifiedName, SequenceDef> sequences = new HashMap<>(s.sequences());
        Set<String> schemas = new TreeSet<>(s.schemas());
        Map<Integer, TableStats> statistics = new HashMap<>(s.statistics());
        changes.applyTo(tables, sequences, schemas, statistics);
        snapshot = new Snapshot(Map.copyOf(tables), Map.copyOf(sequences), Set.copyOf(schemas), Map.copyOf(statistics),
                s.version() + 1);
    }
}
