package dev.lightningdb.engine.common;

/**
 * An ordered walk over the entries of a {@link KeyRange}. Call {@link #next()} before reading the
 * first entry. Arrays returned by {@link #key()} and {@link #value()} belong to the caller.
 * A cursor must be closed; it is also closed when its transaction ends.
 */
public interface Cursor extends AutoCloseable {
    /** Moves to the next entry in the walk's direction; false when there is none. */
    boolean next();

    /** The current entry's key; only after {@link #next()} returned true. */
    byte[] key();

    /** The current entry's value; only after {@link #next()} returned true. */
    byte[] value();

    @Override
    void close();
}
