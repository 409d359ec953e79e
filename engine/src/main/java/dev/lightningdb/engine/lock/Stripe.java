package dev.lightningdb.engine.lock;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock-table stripe: an open-addressing map (linear probing, deletion by backward shift) from
 * lock hash to holder. A value is a {@link LockOwner} when one owner holds the lock exclusively
 * and nobody waits (the common case, one slot and no object), else a {@link LockState}.
 * Every method is called with {@link #mutex} held.
 */
final class Stripe {
    private static final int MIN_CAPACITY = 16;
    final ReentrantLock mutex = new ReentrantLock();
    private long[] hashes = new long[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    Object get(long hash) {
        int mask = hashes.length - 1;
        for (int i = index(hash, mask); ; i = (i + 1) & mask) {
            long h = hashes[i];
            if (h == hash) {
                return values[i];
            }
            if (h == 0) {
                return null;
            }
        }
    }

    void put(long hash, Object value) {
        if ((size + 1) * 2 > hashes.length) {
            resize(hashes.length * 2);
        }
        int mask = hashes.length - 1;
        for (int i = index(hash, mask); ; i = (i + 1) & mask) {
            long h = hashes[i];
            if (h == hash) {
                values[i] = value;
                return;
            }
            if (h == 0) {
                hashes[i] = hash;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    void remove(long hash) {
        int mask = hashes.length - 1;
        int i = index(hash, mask);
        while (hashes[i] != hash) {
            if (hashes[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the gap, so no tombstones exist.
        for (int gap = i, j = (i + 1) & mask; ; j = (j + 1) & mask) {
            long h = hashes[j];
            if (h == 0) {
                hashes[gap] = 0;
                values[gap] = null;
                break;
            }
            int home = index(h, mask);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                hashes[gap] = h;
                values[gap] = values[j];
                gap = j;
            }
        }
        size--;
        if (hashes.length > MIN_CAPACITY && size * 8 < hashes.length) {
            resize(hashes.length / 2);
        }
    }

    int size() {
        return size;
    }

    private void resize(int capacity) {
        long[] oldHashes = hashes;
        Object[] oldValues = values;
        hashes = new long[capacity];
        values = new Object[capacity];
        size = 0;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                put(oldHashes[i], oldValues[i]);
            }
        }
    }

    /** The home slot: the hash's high bits (the low bits chose the stripe). */
    private static int index(long hash, int mask) {
        return (int) (hash >>> 40) & mask;
    }
}
