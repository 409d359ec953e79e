package dev.lightningdb.sql.session;

import dev.lightningdb.engine.Retries;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.catalog.CatalogChanges;
import dev.lightningdb.sql.catalog.CatalogView;
import dev.lightningdb.sql.catalog.TableDef;
import dev.lightningdb.sql.catalog.TemporaryTables;
import dev.lightningdb.sql.exec.TemporaryTableRules;
import dev.lightningdb.sql.exec.TransactionScopes;
import dev.lightningdb.sql.result.Result;
import dev.lightningdb.sql.result.SchemaMetadata;
import dev.lightningdb.sql.result.SqlError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 *
 * <p>Savepoints ({@link #savepoint()}) exist only inside a manual-commit transaction; each marks
 * the transaction's writes and its uncommitted DDL. Rolling back to one drops the savepoints made
 * after it; releasing one drops it and those after it; ending the transaction drops them all.
 *
 * <p>A write-write conflict reported by the engine (a serialization failure) or a deadlock rolls
 * back the whole session transaction, so the session can go on with a new one. A lock not granted
 * (NOWAIT, lock timeout) fails only its statement: the transaction stays open.
 *
 * <p>Under READ COMMITTED every statement reads one snapshot, taken at its first read ({@link
 * Transaction#beginStatement}).
 */
public final class Session implements AutoCloseable {
    private final Database db;
    private final CatalogChanges changes = new CatalogChanges();
    private boolean autoCommit = true;
    private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
    private boolean readOnly;
    private Transaction transaction;
    /** {@code SET LOCK_TIMEOUT}; null: the database's {@code lockTimeout}. */
    private java.time.Duration lockTimeout;
    private final List<Savepoint> savepoints = new ArrayList<>();
    private final OpenReads openReads = new OpenReads();
    /** Where names written without a schema are: {@code SET SCHEMA}, {@code Connection.setSchema}. */
    private String schema = QualifiedName.DEFAULT_SCHEMA;
    private boolean closed;
    /** {@code SET REFERENTIAL_INTEGRITY}: whether this session's statements enforce foreign keys. */
    private boolean referentialIntegrity = true;
    private final TransactionScopes scopes = new TransactionScopes() {
        @Override
        public ReadScope read(boolean oneRead) {
            return Session.this.read(oneRead);
        }

        @Override
        public <T> T write(Function<Transaction, T> work) {
            return Session.this.write(work);
        }

        @Override
        public boolean reading(int tableId) {
            return Session.this.reading(tableId);
        }
    };

    /** A point in the session transaction to roll back to; see {@link #savepoint()}. */
    public static final class Savepoint {
        private final Transaction.Savepoint engine;
        private final CatalogChanges catalog;

        private Savepoint(Transaction.Savepoint engine, CatalogChanges catalog) {
            this.engine = engine;
            this.catalog = catalog;
        }
    }

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
        return new Prepared(this, sql, schema, db.statements().parse(schema, sql));
    }

    /** The current schema: where the names statements write without a schema are. */
    public synchronized String schema() {
        return schema;
    }

    /**
     * Makes {@code name} (exactly as spelled) the current schema. It must exist as this session sees
     * the catalog (3F000 otherwise); if it is dropped later, statements naming objects without a schema
     * fail until another is set. Not transactional, as in H2: a rollback keeps it.
     */
    public synchronized void setSchema(String name) {
        ensureOpen();
        if (name == null || !catalog().schemas().contains(name)) {
            throw new SqlError("3F000", "Schema " + name + " does not exist");
        }
        schema = name;
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

    /** Changing the level inside a transaction is an error; setting the current level is not. */
    public synchronized void setIsolation(IsolationLevel level) {
        ensureOpen();
        if (transaction != null && level != isolation) {
            throw new SqlError(SqlError.INVALID_TRANSACTION_STATE, "Cannot change the isolation level inside a transaction");
        }
        isolation = level;
    }

    public synchronized boolean readOnly() {
        return readOnly;
    }

    public synchronized void setReadOnly(boolean on) {
        ensureOpen();
        if (transaction != null && on != readOnly) {
            throw new SqlError(SqlError.INVALID_TRANSACTION_STATE, "Cannot change read-only mode inside a transaction");
        }
        readOnly = on;
    }

    /**
     * How long this session's statements wait for a row lock before failing with 55P03 (also the
     * open transaction's); null goes back to the database's {@code lockTimeout}.
     */
    public synchronized void setLockTimeout(java.time.Duration timeout) {
        ensureOpen();
        lockTimeout = timeout;
        if (transaction != null) {
            transaction.setLockTimeout(timeout != null ? timeout : db.engine().config().lockTimeout());
        }
    }

    public synchronized java.time.Duration lockTimeout() {
        return lockTimeout != null ? lockTimeout : db.engine().config().lockTimeout();
    }

    /**
     * Whether this session's statements check foreign keys and apply their actions; off, references
     * are the application's to keep (H2's {@code SET REFERENTIAL_INTEGRITY FALSE}).
     */
    public synchronized void setReferentialIntegrity(boolean on) {
        ensureOpen();
        referentialIntegrity = on;
    }

    public synchronized boolean referentialIntegrity() {
        return referentialIntegrity;
    }

    /** Begins an engine transaction with this session's settings. */
    private Transaction begin(boolean readOnlyTransaction) {
        Transaction t = db.engine().begin(isolation, readOnlyTransaction);
        if (lockTimeout != null) {
            t.setLockTimeout(lockTimeout);
        }
        return withTemporaryRows(t);
    }

    /**
     * {@code t} with the session's temporary rows attached, once there can be any: a table of this
     * session's or a GLOBAL TEMPORARY one exists (perhaps created by another session after {@code t}
     * began). Every statement's transaction passes here, so no temporary row is ever written to, or
     * looked for in, the shared database.
     */
    private Transaction withTemporaryRows(Transaction t) {
        TemporaryTables temporary = changes.temporary();
        if (!temporary.isOpen() && db.catalog().hasTemporaryTables()) {
            temporary.open(db.engine().config());
        }
        temporary.attach(t);
        return t;
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
        savepoints.clear();
        openReads.clear(t);
        try {
            TemporaryTableRules.beforeCommit(changes, catalog(), t);
            t.commit(() -> db.catalog().publish(changes)); // before its locks go: who waited for them sees the new catalog
            changes.commitTemporary();
        } catch (RuntimeException | Error e) {
            t.rollback();
            throw e;
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
        savepoints.clear();
        openReads.clear(t);
        changes.clear();
        t.rollback();
    }

    /** Marks the current state of the session transaction (beginning it if needed). */
    public synchronized Savepoint savepoint() {
        ensureOpen();
        if (autoCommit) {
            throw new SqlError(SqlError.INVALID_SAVEPOINT, "Savepoints need a transaction: switch auto-commit off first");
        }
        Transaction t = withTemporaryRows(current());
        Savepoint s = new Savepoint(t.savepoint(), changes.copy());
        savepoints.add(s);
        return s;
    }

    /** Drops the writes and DDL made after {@code savepoint}, which stays valid. */
    public synchronized void rollbackTo(Savepoint savepoint) {
        ensureOpen();
        int i = indexOf(savepoint);
        transaction.rollbackTo(savepoint.engine);
        changes.restore(savepoint.catalog);
        savepoints.subList(i + 1, savepoints.size()).clear();
    }

    /** Forgets {@code savepoint} and every savepoint made after it. */
    public synchronized void release(Savepoint savepoint) {
        ensureOpen();
        savepoints.subList(indexOf(savepoint), savepoints.size()).clear();
    }

    private int indexOf(Savepoint savepoint) {
        for (int i = 0; i < savepoints.size(); i++) {
            if (savepoints.get(i) == savepoint) {
                return i;
            }
        }
        throw new SqlError(SqlError.INVALID_SAVEPOINT,
                "The savepoint is not valid here (released, rolled back past, ended with its transaction, or of another connection)");
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
            changes.temporary().close(); // the session's temporary tables and their rows are gone
        }
    }

    /** Whether {@code schema.table.column} is an identity column, as this session sees the catalog. */
    public synchronized boolean isIdentity(String schema, String table, String column) {
        if (table == null || table.isEmpty() || column == null) {
            return false;
        }
        TableDef def = catalog().table(new QualifiedName(schema == null || schema.isEmpty() ? this.schema : schema, table));
        return def != null && def.identity() != null && def.column(def.identity().column()).name().equals(column);
    }

    /**
     * This session's committed LOCAL temporary tables (JDBC's table type {@code LOCAL TEMPORARY}),
     * or the committed GLOBAL ones ({@code GLOBAL TEMPORARY}), as {@code DatabaseMetaData} reports
     * them; no schemas, no sequences.
     */
    public synchronized SchemaMetadata temporaryTables(boolean global) {
        List<SchemaMetadata.Table> tables = new ArrayList<>();
        CatalogView view = catalog();
        for (TableDef t : global ? db.catalog().tables() : changes.temporary().tables()) {
            if (t.temporary() != null && t.temporary().global() == global) {
                tables.add(CommittedMetadata.table(t, view));
            }
        }
        tables.sort(java.util.Comparator.comparing(SchemaMetadata.Table::schema).thenComparing(SchemaMetadata.Table::name));
        return new SchemaMetadata(List.of(), tables, List.of());
    }

    // ---- used by statements ----

    synchronized CatalogView catalog() {
        return changes.view(db.catalog());
    }

    CatalogChanges catalogChanges() {
        return changes;
    }

    /** The session's transactions as executors ask for them. */
    TransactionScopes scopes() {
        return scopes;
    }

    /**
     * Runs a writing statement in the right transaction: its own (committed at once, and run again
     * after a lost write-write conflict) in auto-commit mode, else the session's. {@code work} must
     * have no effect outside the transaction it is given, so that it can run again.
     */
    synchronized <T> T write(Function<Transaction, T> work) {
        ensureOpen();
        if (readOnly) {
            throw new SqlError(SqlError.READ_ONLY, "The connection is read-only");
        }
        if (!autoCommit) {
            Transaction t = withTemporaryRows(current());
            t.beginStatement();
            try {
                return work.apply(t);
            } catch (LightningDbException e) {
                if (e.code() == ErrorCode.CONFLICT || e.code() == ErrorCode.DEADLOCK) {
                    rollback(); // the engine has given up on the transaction; the next statement begins anew
                }
                throw e;
            } finally {
                if (t.isOpen()) {
                    t.endStatement();
                }
            }
        }
        // An auto-commit statement is its own transaction and nothing of it was seen outside: when it
        // loses a write-write conflict it is run again on the newer state (as a database with row
        // locks would wait and re-evaluate), up to transactionRetryLimit times, then 40001.
        return Retries.onConflict(db.engine().config(), () -> {
            Transaction t = begin(false);
            try {
                t.beginStatement();
                T result = work.apply(t);
                TemporaryTableRules.beforeCommit(changes, catalog(), t);
                t.commit(() -> db.catalog().publish(changes));
                changes.commitTemporary();
                return result;
            } catch (RuntimeException | Error e) {
                t.rollback();
                throw e;
            } finally {
                changes.clear();
            }
        });
    }

    synchronized TransactionScopes.ReadScope read() {
        return read(false);
    }

    /**
     * The transaction a query reads through. A query that reads once ({@code oneRead}: a single
     * key lookup or one cursor) is consistent by itself and takes no statement snapshot.
     */
    synchronized TransactionScopes.ReadScope read(boolean oneRead) {
        ensureOpen();
        Transaction t = autoCommit ? begin(true) : withTemporaryRows(current());
        if (oneRead) {
            t.endStatement(); // read the newest state, not an earlier statement's
        } else {
            t.beginStatement();
        }
        return autoCommit ? new TransactionScopes.ReadScope(t, t::rollback, new HashSet<>()) : openReads.track(this, t);
    }

    /** Whether a result of the session transaction that is still open reads table {@code tableId}. */
    private synchronized boolean reading(int tableId) {
        return transaction != null && openReads.reading(transaction, tableId);
    }

    private Transaction current() {
        if (transaction == null) {
            transaction = begin(readOnly);
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
