package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A few longs that one thread writes on every operation, kept on cache lines of their own. The
 * write-buffer table's writer updates its counters and cursors on every insert while readers on
 * other cores load the table's other fields (index, arena chunks) on every get: in one object, each
 * insert would take the readers' cache line away from them (false sharing; docs/storage.md has
 * what a reader beside a writer measured).
 *
 * <p>Invariant: the slots sit at least 64 bytes from either end of the backing array, so no other
 * object, not even this array's header, shares a cache line with them.
 */
final class PaddedLongs {
    private static final int PAD = 8; // 8 longs = one 64-byte cache line
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;

    PaddedLongs(int slots) {
        words = new long[PAD + slots + PAD];
    }

    /** Plain read: for the writing thread. */
    long get(int slot) {
        return words[PAD + slot];
    }

    /** Plain write: for the writing thread. */
    void set(int slot, long value) {
        words[PAD + slot] = value;
    }

    /** A read from another thread. */
    long getVolatile(int slot) {
        return (long) SLOT.getVolatile(words, PAD + slot);
    }

    /** A write other threads read with {@link #getVolatile}. */
    void setVolatile(int slot, long value) {
        SLOT.setVolatile(words, PAD + slot, value);
    }
}
