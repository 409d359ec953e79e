package dev.lightningdb.engine;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.DeadlockException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import dev.lightningdb.engine.common.WalSyncMode;
import dev.lightningdb.engine.lock.LockOwner;
import dev.lightningdb.engine.store.WriteSet;
import dev.lightningdb.engine.txn.ReadSnapshot;
import dev.lightningdb.engine.txn.VersionedStore;
import dev.lightningdb.engine.txn.View;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Set;

/**
 * A unit of work. Writes are buffered privately until {@link #commit()}, so nothing uncommitted is
 * ever visible to others or reaches the store, and {@link #rollback()} only drops the buffer.
 * A transaction sees its own writes, and an open cursor sees those ahead of its position (see
 * {@link #scan(KeyRange, boolean)}). Use it from one thread at a time.
 *
 * <p>States: OPEN → COMMITTED or ROLLED_BACK (both final). {@link #close()} rolls back an open
 * transaction, so try-with-resources without commit is a rollback.
 *
 * <p>Locks. Every write ({@link #put}, {@link #delete}) first takes its key's exclusive lock and
 * holds it until the transaction ends, so one transaction at a time writes a key; another that
 * wants it waits, in arrival order, up to the lock timeout. {@link #lock} and {@link
 * #getForUpdate} take locks for reading. Plain reads never lock and never wait. A wait that would
 * close a cycle fails at once ({@link DeadlockException}, the transaction is rolled back); a lock
 * not granted in time fails the call ({@link ErrorCode#LOCK_NOT_AVAILABLE}) and leaves the
 * transaction open. Under SNAPSHOT and SERIALIZABLE, locking a key that a transaction which
 * committed after this one began wrote fails at once (first committer wins, {@link
 * ConflictException}); under READ_COMMITTED it does not, and {@link #getForUpdate} returns the
 * newest value.
 *
 * <p>Statements. Under READ_COMMITTED each read sees the newest committed state, unless a
 * statement is open ({@link #beginStatement}): then every read until the next statement sees the
 * state committed when the statement first read, so that one statement never sees half of
 * another transaction's commit.
 *
 * <p>Local keys. {@link #attachLocal} hands the keys from a first byte on to a transaction of
 * another (in-memory) database: data that must never reach this database's WAL or files.
 */
public final class Transaction implements AutoCloseable {
    private enum State { OPEN, COMMITTED, ROLLED_BACK }

    private final LightningDb db;
    private final IsolationLevel isolation;
    private final boolean readOnly;
    private final WriteSet writes = new WriteSet();
    /** Cursors to close when the transaction ends; a merging cursor leaves it when closed. */
    private Set<Cursor> openCursors; // made by the first scan: most transactions never open a cursor
    /** The committed state when the transaction began: the base of its conflict checks. */
    private final View start;
    /** The pinned start state that SNAPSHOT and SERIALIZABLE read; null under READ_COMMITTED. */
    private final ReadSnapshot snapshot;
    /** The guarded ranges and (SERIALIZABLE) the reads, validated at commit. */
    private final ReadSet reads;
    private final Thread owner = Thread.currentThread();
    private final long startedNanos = System.nanoTime();
    private final LockOwner locks;
    private long lockTimeoutNanos;
    /** READ_COMMITTED: the state the open statement reads; null between statements. */
    private StatementSnapshot statement;
    private Runnable onVisible;
    private State state = State.OPEN;
    /** Where the keys from {@link #localFrom} on go ({@link #attachLocal}); null: none. */
    private Transaction local;
    private int localFrom;

    Transaction(LightningDb db, IsolationLevel isolation, boolean readOnly, long id) {
        this.db = db;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.locks = new LockOwner("transaction " + id);
        this.lockTimeoutNanos = db.config().lockTimeout().toNanos();
        VersionedStore store = db.store();
        if (isolation == IsolationLevel.READ_COMMITTED) {
            this.snapshot = null;
            this.start = store.currentView();
        } else {
            this.snapshot = store.snapshot(true);
            this.start = snapshot.view();
        }
        this.reads = new ReadSet(isolation == IsolationLevel.SERIALIZABLE && !readOnly);
    }

    public IsolationLevel isolation() {
        return isolation;
    }

    /**
     * From now on every key whose first byte (unsigned) is {@code firstByte} or above, and every
     * range whose lower bound starts there, is read, written and locked through {@code local}, a
     * transaction of another database. The two end together: {@link #commit} commits this one,
     * then {@code local} (rolled back instead when this one fails); rollback, savepoints, statements
     * and the lock timeout cover both. A range that starts below {@code firstByte} never sees
     * local keys.
     */
    public void attachLocal(int firstByte, Transaction local) {
        ensureOpen();
        if (local == null || local.db == db || this.local != null || firstByte < 1 || firstByte > 0xFF
                || local.readOnly != readOnly) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT,
                    "attachLocal: needs an open transaction of another database, as read-only as this one, attached once");
        }
        local.ensureOpen();
        this.local = local;
        this.localFrom = firstByte;
    }

    /** Whether a transaction of another database is attached ({@link #attachLocal}). */
    public boolean hasLocal() {
        return local != null;
    }

    /** The attached transaction that owns {@code key}, or null when this one does. */
    private Transaction localFor(byte[] key) {
        return local != null && key != null && key.length > 0 && (key[0] & 0xFF) >= localFrom ? local : null;
    }

    private Transaction localFor(KeyRange range) {
        return range == null ? null : localFor(range.lower());
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** The value of {@code key} as this transaction sees it, or null. */
    public byte[] get(byte[] key) {
        if (localFor(key) != null) {
            return local.get(key);
        }
        ensureOpen();
        db.checkKey(key);
        byte[] buffered = writes.get(key);
        if (buffered != null) {
            return WriteSet.isTombstone(buffered) ? null : buffered.clone();
        }
        reads.readKey(key);
        ReadSnapshot at = readSnapshot();
        return at != null ? db.store().get(at, key) : db.store().get(key);
    }

    /** Writes {@code key} once its exclusive lock is held (waiting for it if needed). */
    public void put(byte[] key, byte[] value) {
        if (localFor(key) != null) {
            local.put(key, value);
            return;
        }
        ensureWritable();
        db.checkKey(key);
        db.checkValue(value);
        lockChecked(key, LockMode.EXCLUSIVE, LockWait.WAIT);
        writes.put(key.clone(), value.clone());
    }

    /** Deletes {@code key} once its exclusive lock is held (waiting for it if needed). */
    public void delete(byte[] key) {
        if (localFor(key) != null) {
            local.delete(key);
            return;
        }
        ensureWritable();
        db.checkKey(key);
        lockChecked(key, LockMode.EXCLUSIVE, LockWait.WAIT);
        writes.delete(key.clone());
    }

    /**
     * Writes {@code key} under the lock of {@code ownerKey}, which this transaction must hold
     * exclusively: for keys only ever written together with their owner (a secondary index entry
     * with its row), so that one lock covers both and a large transaction holds half the locks.
     * A null value deletes the key.
     *
     * @throws LightningDbException {@link ErrorCode#INVALID_ARGUMENT} when the owner's lock is not held
     */
    public void putCovered(byte[] ownerKey, byte[] key, byte[] value) {
        Transaction l = localFor(key);
        if (l != null) {
            if (localFor(ownerKey) == null) { // the owner's lock is held here: take its twin where the key goes
                l.lock(ownerKey, LockMode.EXCLUSIVE, LockWait.WAIT);
            }
            l.putCovered(ownerKey, key, value);
            return;
        }
        ensureWritable();
        db.checkKey(key);
        db.checkKey(ownerKey);
        if (value != null) {
            db.checkValue(value);
        }
        if (!db.locks().holds(locks, db.locks().hash(ownerKey), LockMode.EXCLUSIVE)) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "putCovered: this transaction does not hold the exclusive lock of "
                    + db.describeKey(ownerKey));
        }
        if (value == null) {
            writes.delete(key.clone());
        } else {
            writes.put(key.clone(), value.clone());
        }
    }

    /**
     * Takes {@code key}'s lock in {@code mode} until this transaction ends (or rolls back to an
     * earlier savepoint). The key need not exist: locking an absent key keeps others from
     * creating it. It only locks: under SNAPSHOT and SERIALIZABLE, whether a later commit wrote the
     * key is for the caller to ask ({@link #changedSinceRead}), and {@link #put}, {@link #delete}
     * and {@link #getForUpdate} of such a key fail. See the class comment for waits and deadlocks.
     *
     * @return false only under {@link LockWait#SKIP_LOCKED} when another transaction holds it
     */
    public boolean lock(byte[] key, LockMode mode, LockWait wait) {
        if (localFor(key) != null) {
            return local.lock(key, mode, wait);
        }
        ensureWritable();
        db.checkKey(key);
        if (mode == null || wait == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "lock mode and wait policy must not be null");
        }
        return lockOnly(key, mode, wait);
    }

    /**
     * The newest committed value of {@code key} with this transaction's own write over it,
     * whatever the isolation level: for checks that must see every commit (a unique value, a
     * primary key), made while holding the lock that keeps the answer true until commit.
     */
    public byte[] getLatest(byte[] key) {
        if (localFor(key) != null) {
            return local.getLatest(key);
        }
        ensureOpen();
        db.checkKey(key);
        byte[] buffered = writes.get(key);
        if (buffered != null) {
            return WriteSet.isTombstone(buffered) ? null : buffered.clone();
        }
        return db.store().get(key);
    }

    /** {@link #getLatest} for a range: an ascending walk over the newest committed state with this transaction's writes over it. */
    public Cursor scanLatest(KeyRange range) {
        if (localFor(range) != null) {
            return local.scanLatest(range);
        }
        ensureOpen();
        if (range == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "range must not be null");
        }
        return overlay(db.store().scan(range, false), range, false);
    }

    /**
     * Locks {@code key} exclusively, then returns its value: this transaction's own write if any,
     * else the newest committed value (under SNAPSHOT and SERIALIZABLE that is the snapshot's, or
     * the lock fails with a conflict). Until this transaction ends nobody else can change it, so a
     * value computed from it and written back loses no update.
     */
    public byte[] getForUpdate(byte[] key) {
        if (localFor(key) != null) {
            return local.getForUpdate(key);
        }
        ensureWritable();
        db.checkKey(key);
        lockChecked(key, LockMode.EXCLUSIVE, LockWait.WAIT);
        byte[] buffered = writes.get(key);
        if (buffered != null) {
            return WriteSet.isTombstone(buffered) ? null : buffered.clone();
        }
        reads.readKey(key);
        return snapshot != null ? db.store().get(snapshot, key) : db.store().get(key);
    }

    /**
     * Whether a transaction that committed after the open statement's state (READ_COMMITTED) or
     * this transaction's snapshot (otherwise) wrote {@code key}: a row read by the statement and
     * locked since may have changed in between, and must then be read again.
     */
    public boolean changedSinceRead(byte[] key) {
        if (localFor(key) != null) {
            return local.changedSinceRead(key);
        }
        ensureOpen();
        db.checkKey(key);
        ReadSnapshot at = snapshot != null ? snapshot : statement != null ? statement.pinned() : null;
        return at != null && db.store().changedSince(at.view(), key);
    }

    /** {@link #changedSinceRead(byte[])} for every key in {@code range}. */
    public boolean changedSinceRead(KeyRange range) {
        if (localFor(range) != null) {
            return local.changedSinceRead(range);
        }
        ensureOpen();
        if (range == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "range must not be null");
        }
        ReadSnapshot at = snapshot != null ? snapshot : statement != null ? statement.pinned() : null;
        return at != null && db.store().changedSince(at.view(), range);
    }

    /** How long a lock is waited for before {@link ErrorCode#LOCK_NOT_AVAILABLE}; zero fails at once. */
    public void setLockTimeout(Duration timeout) {
        ensureOpen();
        if (timeout == null || timeout.isNegative()) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "lock timeout must be zero or positive, not " + timeout);
        }
        lockTimeoutNanos = timeout.toNanos();
        if (local != null) {
            local.setLockTimeout(timeout);
        }
    }

    public Duration lockTimeout() {
        return Duration.ofNanos(lockTimeoutNanos);
    }

    /**
     * Under READ_COMMITTED, begins a statement: every read from now until the next call (or {@link
     * #endStatement}) sees the state committed at the statement's first read. Cursors opened in a
     * statement keep its state after it ends. Under SNAPSHOT and SERIALIZABLE every read already
     * sees the transaction's snapshot, and this does nothing.
     */
    public void beginStatement() {
        ensureOpen();
        endStatement();
        if (snapshot == null) {
            statement = new StatementSnapshot(db.store());
        }
        if (local != null) {
            local.beginStatement();
        }
    }

    /** Ends the open statement, if any: reads see the newest committed state again (READ_COMMITTED). */
    public void endStatement() {
        if (statement != null) {
            statement.release();
            statement = null;
        }
        if (local != null && local.isOpen()) {
            local.endStatement();
        }
    }

    private boolean lockOnly(byte[] key, LockMode mode, LockWait wait) {
        try {
            return db.locks().acquire(locks, db.locks().hash(key), mode, wait, lockTimeoutNanos, key);
        } catch (DeadlockException e) {
            rollback();
            throw e;
        }
    }

    /** Locks, then (SNAPSHOT, SERIALIZABLE) fails the transaction if a commit after it began wrote the key. */
    private boolean lockChecked(byte[] key, LockMode mode, LockWait wait) {
        boolean locked = lockOnly(key, mode, wait);
        if (locked && snapshot != null && db.store().changedSince(start, key)) {
            rollback();
            throw new ConflictException("write-write conflict on key " + KeyHex.of(key) + ": another transaction committed a write to it after this "
                    + isolation + " transaction began (first committer wins); retry the transaction");
        }
        return locked;
    }

    /** The snapshot reads go to: the transaction's, the open statement's, or none (newest per read). */
    private ReadSnapshot readSnapshot() {
        if (snapshot != null) {
            return snapshot;
        }
        return statement == null ? null : statement.pin();
    }

    /** Ascending walk over {@code range} as this transaction sees it. */
    public Cursor scan(KeyRange range) {
        return scan(range, false);
    }

    /**
     * Walk over {@code range}, descending when {@code reverse}. Closed with the transaction. The
     * transaction may go on writing while the cursor is open: the cursor then shows the writes at
     * keys strictly ahead of the last key it returned (in its direction), never those at or behind
     * it; see {@link MergingCursor}.
     */
    public Cursor scan(KeyRange range, boolean reverse) {
        if (localFor(range) != null) {
            return local.scan(range, reverse);
        }
        ensureOpen();
        if (range == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "range must not be null");
        }
        reads.readRange(range);
        Cursor committed;
        if (snapshot != null) {
            committed = db.store().scan(snapshot, range, reverse);
        } else if (statement != null) {
            committed = db.store().scan(statement.pin(), range, reverse, statement.share());
        } else {
            committed = db.store().scan(range, reverse);
        }
        return overlay(committed, range, reverse);
    }

    /**
     * This transaction's writes over {@code committed}, by {@link MergingCursor}'s rule: the cursor
     * shows the puts and deletes at keys strictly ahead of its position, also those made after it
     * was opened. A read-only transaction never writes: its cursor is the committed one.
     */
    private Cursor overlay(Cursor committed, KeyRange range, boolean reverse) {
        if (openCursors == null) {
            openCursors = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        Set<Cursor> open = openCursors;
        Cursor c = readOnly ? committed : new MergingCursor(committed, writes, range, reverse, open::remove);
        open.add(c);
        return c;
    }

    /**
     * Makes this transaction's commit fail with a retryable {@link ConflictException} if another
     * transaction commits a write inside {@code range} after this call (READ_COMMITTED: before it,
     * this transaction's reads saw the latest commits) or after this transaction began (SNAPSHOT,
     * SERIALIZABLE: its reads see that state). Call it before reading the range to decide what to
     * write: the SQL layer guards a unique value's index entries before checking that no other row
     * holds the value, so two transactions can never both commit it. Guards made after a savepoint
     * go with a rollback to it.
     */
    public void guard(KeyRange range) {
        if (localFor(range) != null) {
            local.guard(range);
            return;
        }
        ensureOpen();
        if (range == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "range must not be null");
        }
        reads.guard(snapshot != null ? start : db.store().currentView(), range);
    }

    /**
     * Marks the writes made so far; {@link #rollbackTo} later drops every write made after it.
     * Savepoints are cheap to drop: they are only a copy of the buffered writes.
     */
    public Savepoint savepoint() {
        ensureOpen();
        return new Savepoint(this, writes.copy(), reads.guardCount(), locks.heldCount(), local == null ? null : local.savepoint());
    }

    /**
     * Drops the writes made after {@code savepoint} and releases the locks taken after it (a lock
     * taken before it and strengthened after stays strong); the transaction stays open, the
     * savepoint stays valid.
     */
    public void rollbackTo(Savepoint savepoint) {
        ensureOpen();
        if (savepoint == null || savepoint.owner != this) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "savepoint does not belong to this transaction");
        }
        writes.restore(savepoint.writes);
        reads.dropGuardsFrom(savepoint.guards);
        db.locks().releaseFrom(locks, savepoint.locks);
        if (savepoint.local != null) {
            local.rollbackTo(savepoint.local);
        }
    }

    /** A point in a transaction's writes to roll back to; see {@link Transaction#savepoint()}. */
    public static final class Savepoint {
        private final Transaction owner;
        private final WriteSet writes;
        private final int guards;
        private final int locks;
        private final Savepoint local;

        private Savepoint(Transaction owner, WriteSet writes, int guards, int locks, Savepoint local) {
            this.owner = owner;
            this.writes = writes;
            this.guards = guards;
            this.locks = locks;
            this.local = local;
        }
    }

    /** Number of keys written (put or deleted) so far. */
    public int writeCount() {
        return writes.size() + (local == null ? 0 : local.writeCount());
    }

    /** Makes the writes visible and durable (per {@link WalSyncMode}); then the transaction is over. */
    public void commit() {
        commit(null);
    }

    /**
     * {@link #commit()}, running {@code onVisible} once the writes are visible and before the locks
     * are released: what a waiter for them must find done (a schema change published) goes there.
     * It may run in the thread that commits this transaction's commit group, under the database's
     * commit lock: it must be short, and must not commit or wait for another transaction. What it
     * throws is thrown by this method once the commit is durable (the commit stands).
     */
    public void commit(Runnable onVisible) {
        if (local != null) {
            Transaction l = local;
            local = null;
            try {
                commit(onVisible);
            } catch (RuntimeException | Error e) {
                l.rollback();
                throw e;
            }
            l.commit();
            return;
        }
        ensureOpen();
        this.onVisible = onVisible;
        try {
            if (!writes.isEmpty()) {
                db.pipeline().commit(this, writes);
            } else {
                visible();
            }
            state = State.COMMITTED;
        } catch (RuntimeException e) {
            state = State.ROLLED_BACK;
            throw e;
        } finally {
            end();
        }
    }

    /** Drops the buffered writes; instantaneous. Rolling back an ended transaction does nothing. */
    public void rollback() {
        if (local != null) {
            local.rollback();
        }
        if (state == State.OPEN) {
            state = State.ROLLED_BACK;
            end();
        }
    }

    @Override
    public void close() {
        rollback();
    }

    private void end() {
        if (openCursors != null) {
            for (Cursor c : new ArrayList<>(openCursors)) {
                c.close();
            }
            openCursors = null;
        }
        endStatement();
        writes.clear();
        reads.clearGuards();
        releaseLocks();
        if (snapshot != null) {
            snapshot.close();
        }
        db.transactionEnded(this);
    }

    /** The commit is visible: runs the commit's hook, then releases every lock (before the commit is durable). */
    void visible() {
        Runnable hook = onVisible;
        onVisible = null;
        try {
            if (hook != null) {
                hook.run();
            }
        } finally {
            releaseLocks();
        }
    }

    private void releaseLocks() {
        db.locks().releaseFrom(locks, 0);
    }

    /** Why this transaction may not commit, or null: see {@link CommitConflicts#of}. */
    String conflict(VersionedStore store, WriteSet pending) {
        return CommitConflicts.of(snapshot == null ? null : start, start, reads, isolation, store, pending);
    }

    /** {@link #conflict}'s read and guard checks against earlier commits of its group: see {@link CommitConflicts#within}. */
    String conflictWithin(NavigableSet<byte[]> written) {
        return CommitConflicts.within(reads, start, written);
    }

    Thread owner() {
        return owner;
    }

    long startedNanos() {
        return startedNanos;
    }

    private void ensureOpen() {
        if (state != State.OPEN) {
            throw new LightningDbException(ErrorCode.CLOSED, "transaction already " + state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        db.ensureOpen();
    }

    private void ensureWritable() {
        ensureOpen();
        if (readOnly) {
            throw new LightningDbException(ErrorCode.READ_ONLY, "transaction is read-only");
        }
    }
}
