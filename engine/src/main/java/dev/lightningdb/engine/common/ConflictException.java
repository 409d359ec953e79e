package dev.lightningdb.engine.common;

import dev.lightningdb.engine.LightningDb;

/**
 * Another transaction committed a write to a key this transaction also wrote, after this one
 * started (first committer wins). The transaction has been rolled back; running it again may
 * succeed. {@link LightningDb#inTransaction} does that with backoff.
 */
public class ConflictException extends LightningDbException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    ConflictException(ErrorCode code, String message) {
        super(code, message);
    }
}
