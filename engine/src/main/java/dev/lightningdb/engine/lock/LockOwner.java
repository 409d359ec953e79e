package dev.lightningdb.engine.lock;

import java.util.Arrays;

/**
 * What one transaction holds in a {@link LockTable} and what it waits for. The holding transaction
 * uses it from one thread at a time; {@link #waitingFor} is also read by other transactions'
 * deadlock checks. One owner per transaction.
 */
public final class LockOwner {
    private final String name;
    /** Hashes of the locks held, in the order taken (savepoints mark a length); owner thread only. */
    private long[] held = new long[4];
    private int count;
    /** The wait in progress, if any: set and cleared under its stripe's lock. */
    volatile Waiter waitingFor;

    public LockOwner(String name) {
        this.name = name;
    }

    /** How many locks are held: a mark for {@link LockTable#releaseFrom}. */
    public int heldCount() {
        return count;
    }

    void add(long hash) {
        if (count == held.length) {
            held = Arrays.copyOf(held, count + (count >> 1));
        }
        held[count++] = hash;
    }

    long heldAt(int i) {
        return held[i];
    }

    void truncate(int mark) {
        count = mark;
        if (mark == 0 && held.length > 64) {
            held = new long[4];
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
