package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.catalog.Catalog;
import dev.lightningdb.sql.plan.QueryPlanner;

/**
 * The SQL layer over one open engine: its catalog and its planner, shared by every session.
 * Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final LightningDb engine;
    private final Catalog catalog;
    private final QueryPlanner planner = new QueryPlanner();
    private final StatementCache statements = new StatementCache();
    private final Sequences sequences;

    private Database(LightningDb engine, Catalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
        this.sequences = new Sequences(engine);
    }

    /** Opens the SQL layer over {@code engine}, reading its catalog. */
    public static Database open(LightningDb engine) {
        return new Database(engine, Catalog.load(engine));
    }

    public LightningDb engine() {
        return engine;
    }

    public Catalog catalog() {
        return catalog;
    }

    public QueryPlanner planner() {
        return planner;
    }

    Sequences sequences() {
        return sequences;
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
