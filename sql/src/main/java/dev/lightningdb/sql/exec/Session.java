package dev.lightningdb.sql.exec;

import dev.lightningdb.engine.IsolationLevel;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.sql.SqlError;
import dev.lightningdb.sql.catalog.CatalogChanges;
import dev.lightningdb.sql.catalog.CatalogView;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One client's conversation with a {@link Database} (a JDBC connection). Not for concurrent use;
 * methods synchronize so that misuse cannot corrupt state.
 *
 * <p>Transactions: in auto-commit mode every statement runs in a transaction of its own (a query's
 * lasts until its result is closed). Otherwise statements share the session transaction, begun at
 * the first statement and ended by {@link #commit()} or {@link #rollback()}. DDL is transactional:
 * its catalog changes are private to the transaction until it commits.
 *
 * <p>Statement atomicity: a statement computes all its writes before applying any, so a failing
 * statement leaves the transaction as it was.
 */
public final class Session implements AutoCloseable {
    private final Database db;
    private final CatalogChanges changes = new CatalogChanges();
    private boolean autoCommit = true;
    private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
    private boolean readOnly;
    private Transaction transaction;
    private boolean closed;

    Session(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Parses {@code sql} into a statement that can run many times. */
    public synchronized Prepared prepare(String sql) {
        ensureOpen();
        if (sql == null) {
            throw new SqlError(SqlError.SYNTAX, "SQL text must not be null");
        }
        return new Prepared(this, sql, db.statements().parse(sql));
    }

    /** Parses and runs {@code sql} once with external parameter values. */
    public Result execute(String sql, Object... parameters) {
        return prepare(sql).execute(parameters, new AtomicBoolean());
    }

    public synchronized boolean autoCommit() {
        return autoCommit;
    }

    /** Switching auto-commit on commits the open transaction, as JDBC requires. */
    public synchronized void setAutoCommit(boolean on) {
        ensureOpen();
        if (on && !autoCommit) {
            commit();
        }
        autoCommit = on;
    }

    public synchronized IsolationLevel isolation() {
        return isolation;
    }

    public synchronized void setIsolation(IsolationLevel level) {
        ensureOpen();
        if (transaction != null) {
            throw new SqlError(SqlError.INVALID_TRANSACTION_STATE, "Cannot change the isolation level inside a transaction");
        }
        isolation = level;
    }

    public synchronized boolean readOnly() {
        return readOnly;
    }

    public synchronized void setReadOnly(boolean on) {
        ensureOpen();
        if (transaction != null) {
            throw new SqlError(SqlError.INVALID_TRANSACTION_STATE, "Cannot change read-only mode inside a transaction");
        }
        readOnly = on;
    }

    /** Whether a manual-commit transaction is open. */
    public synchronized boolean inTransaction() {
        return transaction != null;
    }

    public synchronized void commit() {
        ensureOpen();
        if (transaction == null) {
            return;
        }
        Transaction t = transaction;
        transaction = null;
        try {
            t.commit();
            db.catalog().publish(changes);
        } finally {
            changes.clear();
        }
    }

    public synchronized void rollback() {
        if (transaction == null) {
            return;
        }
        Transaction t = transaction;
        transaction = null;
        changes.clear();
        t.rollback();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Rolls back an open transaction and ends the session. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (!db.engine().isClosed()) {
                rollback();
            }
        } finally {
            transaction = null;
            closed = true;
        }
    }

    // ---- used by statements ----

    synchronized CatalogView catalog() {
        return changes.view(db.catalog());
    }

    CatalogChanges catalogChanges() {
        return changes;
    }

    /**
     * Runs a writing statement in the right transaction: its own (committed at once) in
     * auto-commit mode, else the session's.
     */
    synchronized <T> T write(Function<Transaction, T> work) {
        ensureOpen();
        if (readOnly) {
            throw new SqlError(SqlError.READ_ONLY, "The connection is read-only");
        }
        if (!autoCommit) {
            return work.apply(current());
        }
        Transaction t = db.engine().begin(isolation, false);
        try {
            T result = work.apply(t);
            t.commit();
            db.catalog().publish(changes);
            return result;
        } catch (RuntimeException | Error e) {
            t.rollback();
            throw e;
        } finally {
            changes.clear();
        }
    }

    /** The transaction a query reads through, and what to do when its result closes. */
    record ReadScope(Transaction transaction, Runnable onClose) {
    }

    synchronized ReadScope read() {
        ensureOpen();
        if (!autoCommit) {
            return new ReadScope(current(), () -> { });
        }
        Transaction t = db.engine().begin(isolation, true);
        return new ReadScope(t, t::rollback);
    }

    private Transaction current() {
        if (transaction == null) {
            transaction = db.engine().begin(isolation, readOnly);
        }
        return transaction;
    }

    private void ensureOpen() {
        if (closed) {
            throw new SqlError("08003", "The session is closed");
        }
        if (db.engine().isClosed()) {
            throw new SqlError("08003", "The database is closed");
        }
    }
}
