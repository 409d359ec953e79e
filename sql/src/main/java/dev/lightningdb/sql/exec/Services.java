package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.sql.catalog.Catalog;
import dev.lightningdb.sql.plan.QueryPlanner;

/**
 * What every statement of one database shares: the engine, the committed catalog, the sequence
 * counters and the planner. Thread-safe, as each part is.
 */
public record Services(LightningDb engine, Catalog catalog, Sequences sequences, QueryPlanner planner) {
    /** The parts for {@code engine} whose catalog is {@code catalog}. */
    public static Services of(LightningDb engine, Catalog catalog) {
        return new Services(engine, catalog, new Sequences(engine), new QueryPlanner(ViewExecutor::parseQuery));
    }
}
