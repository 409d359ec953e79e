package dev.lightningdb.sql.session;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.catalog.Catalog;
import dev.lightningdb.sql.exec.Services;
import dev.lightningdb.sql.plan.QueryPlanner;
import dev.lightningdb.sql.result.SchemaMetadata;

/**
 * The SQL layer over one open engine: its catalog and its planner, shared by every session.
 * Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final LightningDb engine;
    private final Catalog catalog;
    private final Services services;
    private final StatementCache statements = new StatementCache();
    private final CommittedMetadata metadata;

    private Database(LightningDb engine, Catalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
        this.services = Services.of(engine, catalog);
        this.metadata = new CommittedMetadata(catalog);
    }

    /** Opens the SQL layer over {@code engine}, reading its catalog. */
    public static Database open(LightningDb engine) {
        Database db = new Database(engine, Catalog.load(engine));
        engine.describeKeysWith(db::describeKey);
        return db;
    }

    /** What a key is, in SQL words, for lock errors: a row of a table, a value of a unique index. */
    private String describeKey(byte[] key) {
        int id = key.length >= 5 ? java.nio.ByteBuffer.wrap(key, 1, 4).getInt() : -1;
        for (dev.lightningdb.sql.catalog.TableDef t : catalog.tables()) {
            if (key[0] == dev.lightningdb.sql.catalog.TableDef.TABLE_DATA && t.id() == id) {
                return "a row of table " + t.name() + " (key " + dev.lightningdb.engine.KeyHex.of(key) + ")";
            }
            for (dev.lightningdb.sql.catalog.IndexDef i : t.indexes()) {
                if (key[0] == dev.lightningdb.sql.catalog.IndexDef.INDEX_DATA && i.id() == id) {
                    return "a value of index " + i.name() + " of table " + t.name() + " (key " + dev.lightningdb.engine.KeyHex.of(key) + ")";
                }
            }
        }
        return "key " + dev.lightningdb.engine.KeyHex.of(key);
    }

    public LightningDb engine() {
        return engine;
    }

    Catalog catalog() {
        return catalog;
    }

    /**
     * Schemas, tables and sequences as committed (no session's uncommitted DDL), for {@code
     * DatabaseMetaData}; the same instance until the next DDL commit.
     */
    public SchemaMetadata metadata() {
        return metadata.current();
    }

    QueryPlanner planner() {
        return services.planner();
    }

    /** The parts every statement's executor shares. */
    Services services() {
        return services;
    }

    StatementCache statements() {
        return statements;
    }

    public Session newSession() {
        return new Session(this);
    }

    /** Closes the engine; sessions can no longer be used. */
    @Override
    public void close() {
        engine.close();
    }
}
