package dev.lightningdb.engine.common;

/** Stored data failed a checksum or structural check; the message names where and what. */
public class CorruptionException extends LightningDbException {
    private static final long serialVersionUID = 1L;

    public CorruptionException(String message) {
        super(ErrorCode.CORRUPTION, message);
    }
}
