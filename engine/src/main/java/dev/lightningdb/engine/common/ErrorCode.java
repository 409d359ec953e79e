package dev.lightningdb.engine.common;

/**
 * Stable codes for every failure the engine reports. The JDBC driver maps each code to an SQLState,
 * so a code's meaning never changes once released; new failures get new codes.
 */
public enum ErrorCode {
    /** A page, WAL record or meta page failed its checksum or structural check. */
    CORRUPTION(false),
    /** A write-write conflict with a transaction that committed first; retrying may succeed. */
    CONFLICT(true),
    /** The operating system refused a read or write (includes a full disk). */
    IO_ERROR(false),
    /** The database, transaction or cursor was already closed. */
    CLOSED(false),
    /** A key longer than {@code maxKeySize}, or an empty key. */
    KEY_TOO_LARGE(false),
    /** A value longer than {@code maxValueSize}. */
    VALUE_TOO_LARGE(false),
    /** {@code maxActiveTransactions} transactions are already open. */
    TOO_MANY_TRANSACTIONS(true),
    /** A write was attempted on a read-only database or transaction. */
    READ_ONLY(false),
    /** The database directory is missing, locked by another process, or not a LightningDB database. */
    CANNOT_OPEN(false),
    /** An argument to a public method was invalid in a way the engine can name. */
    INVALID_ARGUMENT(false),
    /** The thread was interrupted while waiting inside the engine. */
    INTERRUPTED(true),
    /**
     * A key lock held by another transaction was not granted: {@link LockWait#NOWAIT}, or not within
     * {@code lockTimeout}. Only the operation failed; the transaction stays open and keeps its locks.
     */
    LOCK_NOT_AVAILABLE(true),
    /** The transaction was chosen to break a deadlock and has been rolled back ({@link DeadlockException}). */
    DEADLOCK(true);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether repeating the same work later may succeed without any change by the caller. */
    public boolean isRetryable() {
        return retryable;
    }
}
