package dev.lightningdb.sql.catalog;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.result.SqlError;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session's committed temporary tables: their definitions, and the in-memory database that
 * holds their rows and index entries (keys from {@link #LOCAL_KEYS} on). Not thread-safe: the
 * session uses it under its own lock. Invariants:
 * <ol>
 *   <li>Nothing of a temporary table reaches the shared database: its definition lives here (never
 *       in the catalog keys), its rows in {@link #rows}, which every transaction of the session
 *       carries attached ({@link #attach}) once it exists; so no WAL record, no data-file page, and
 *       nothing left after a crash.
 *   <li>{@link #version} is the shared catalog version while the session has no temporary table,
 *       else a number no committed catalog has and no other session shares ({@link
 *       CatalogView#shared}): a plan that may name a temporary table is never handed to another
 *       session.
 * </ol>
 */
public final class TemporaryTables implements AutoCloseable {
    /** Keys whose first byte is this or above are temporary data (see {@link TableDef#TEMPORARY_TABLE_DATA}). */
    public static final int LOCAL_KEYS = 0x80;
    private static final AtomicLong EPOCHS = new AtomicLong();

    private final Map<QualifiedName, TableDef> tables = new LinkedHashMap<>();
    private final Map<Integer, Long> identities = new HashMap<>();
    private long epoch;
    private LightningDb rows;

    public TableDef table(QualifiedName name) {
        return tables.get(name);
    }

    public Collection<TableDef> tables() {
        return tables.values();
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Makes committed changes permanent for the session: a null definition drops its name (invariant 2: a new epoch). */
    void apply(Map<QualifiedName, TableDef> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changes.forEach((name, table) -> {
            if (table == null) {
                TableDef gone = tables.remove(name);
                if (gone != null) {
                    identities.remove(gone.id());
                }
            } else {
                tables.put(name, table);
            }
        });
        epoch = EPOCHS.incrementAndGet();
    }

    /** The version of a view of the {@code committed} catalog version with these tables over it (invariant 2). */
    long version(long committed) {
        return tables.isEmpty() ? committed : (epoch << 32) | committed;
    }

    /** Whether the database for temporary rows is open (no temporary row was ever written if not). */
    public boolean isOpen() {
        return rows != null;
    }

    /** Opens the database for temporary rows, if not yet open, sized after {@code shared}'s configuration. */
    public void open(LightningDbConfig shared) {
        if (rows == null) {
            rows = LightningDb.inMemory(shared.toBuilder()
                    .cacheSize(Math.min(shared.cacheSize(), 4L << 20))
                    .writeBufferSize(Math.min(shared.writeBufferSize(), 8L << 20))
                    .build());
        }
    }

    /** Gives {@code txn} a transaction of the temporary rows' database, if there is one and it has none yet (invariant 1). */
    public void attach(Transaction txn) {
        if (rows != null && !txn.hasLocal()) {
            txn.attachLocal(LOCAL_KEYS, rows.begin(txn.isolation(), txn.isReadOnly()));
        }
    }

    /**
     * The next value of temporary table {@code table}'s identity column: a counter in memory, as
     * the table lives no longer than the session (never transactional, as identity values never are).
     */
    public long nextIdentity(TableDef table) {
        TableDef.Identity id = table.identity();
        Long last = identities.get(table.id());
        long next;
        try {
            next = last == null ? id.start() : Math.addExact(last, id.increment());
        } catch (ArithmeticException e) {
            throw new SqlError("2200H", "Sequence identity of " + table.name() + " has no more values");
        }
        identities.put(table.id(), next);
        return next;
    }

    /** Forgets every temporary table and their rows (the session ends). */
    @Override
    public void close() {
        tables.clear();
        identities.clear();
        if (rows != null) {
            LightningDb r = rows;
            rows = null;
            r.close();
        }
    }
}
