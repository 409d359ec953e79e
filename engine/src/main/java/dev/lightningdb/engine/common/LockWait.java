package dev.lightningdb.engine.common;

import dev.lightningdb.engine.Transaction;

/** What {@link Transaction#lock} does when another transaction holds the lock. */
public enum LockWait {
    /** Waits in arrival order, up to the lock timeout ({@link ErrorCode#LOCK_NOT_AVAILABLE} after it). */
    WAIT,
    /** Fails at once with {@link ErrorCode#LOCK_NOT_AVAILABLE}. */
    NOWAIT,
    /** Returns false at once, taking nothing. */
    SKIP_LOCKED
}
