package dev.lightningdb.sql.codec;

/** Stored bytes do not decode as the format says; callers add which table and key. */
public final class MalformedDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedDataException(String message) {
        super(message);
    }
}
