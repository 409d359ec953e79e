package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.catalog.CatalogChanges;
import dev.lightningdb.sql.catalog.CatalogCodec;
import dev.lightningdb.sql.catalog.CatalogKeys;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.plan.ExecutionContext;
import dev.lightningdb.sql.plan.QueryPlanner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything an executor works with for one run of a statement: the database's shared parts, the
 * catalog as the session sees it (its uncommitted DDL included), how to get a transaction, the
 * statement's compiled queries, the current schema it was parsed for (where names without a
 * schema are), its parameters (external values, NEXT VALUE FOR filled in), its cancel flag and
 * whether the session enforces foreign keys ({@code SET REFERENTIAL_INTEGRITY}).
 * Executors get this and never the session, so nothing in {@code exec} calls back up into
 * {@code session}.
 */
public record StatementContext(Services services, CatalogChanges changes, TransactionScopes scopes, StatementQueries queries,
                               String schema, Object[] parameters, AtomicBoolean cancel, boolean referentialIntegrity) {
    /**
     * The catalog as this statement's session sees it now. Read it again after waiting for a lock:
     * a schema change may have been published meanwhile.
     */
    public CatalogView catalog() {
        return changes.view(services.catalog());
    }

    /**
     * Writes {@code table}'s definition in {@code txn} and stages it in the session's catalog
     * changes: the statement and the rest of its transaction see it, others once it commits.
     */
    public void saveTable(Transaction txn, TableDef table) {
        if (!table.isLocalTemporary()) { // a local temporary table's definition lives with its session only
            txn.put(CatalogKeys.table(table.name()), CatalogCodec.encode(table));
        }
        changes.put(table);
    }

    /** What a compiled plan runs with: the catalog's schema, {@code transaction} and internal parameter values. */
    public ExecutionContext planContext(Transaction transaction, Object[] internalParameters) {
        QueryPlanner planner = services.planner();
        CatalogView view = catalog();
        return new ExecutionContext(() -> planner.rootSchema(view).plus(), planner.typeFactory(), transaction, internalParameters, cancel);
    }
}
