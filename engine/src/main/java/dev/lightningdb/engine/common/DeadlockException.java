package dev.lightningdb.engine.common;

import dev.lightningdb.engine.LightningDb;

/**
 * The transaction waited for a key lock in a cycle of transactions each waiting for the next, and
 * was chosen to break it: it has been rolled back and its locks released, so the others go on.
 * Running it again may succeed; {@link LightningDb#inTransaction} does that, as for any
 * {@link ConflictException}.
 */
public final class DeadlockException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String message) {
        super(ErrorCode.DEADLOCK, message);
    }
}
