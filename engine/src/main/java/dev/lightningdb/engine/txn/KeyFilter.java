package dev.lightningdb.engine.txn;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over the keys of one {@link MemTable}, so that a point read of a key the table
 * does not hold (the common case) skips the skip-list descent. Two probes from one 64-bit hash.
 *
 * <p>Concurrency: only the table's single writer adds, and it adds a key before the commit that
 * holds it is published; a reader that may see a version therefore sees its bits. A reader may see
 * bits of a commit it cannot see yet: a false positive, which only costs the descent.
 */
final class KeyFilter {
    private final AtomicLongArray words;
    private final int mask;

    /** A filter of {@code bits} bits, rounded up to a power of two (at least 64 Ki). */
    KeyFilter(long bits) {
        long size = Long.highestOneBit(Math.max(1L << 16, Math.min(1L << 30, bits)) * 2 - 1);
        this.words = new AtomicLongArray((int) (size >>> 6));
        this.mask = (int) (size - 1);
    }

    void add(byte[] key) {
        long h = hash(key);
        set((int) h & mask);
        set((int) (h >>> 32) & mask);
    }

    boolean mightContain(byte[] key) {
        return mightContain(hash(key));
    }

    /** {@link #mightContain(byte[])} for a key whose {@link #hash} the caller computed once for several tables. */
    boolean mightContain(long h) {
        return isSet((int) h & mask) && isSet((int) (h >>> 32) & mask);
    }

    private void set(int bit) {
        int w = bit >>> 6;
        long m = 1L << bit;
        long old = words.get(w);
        if ((old & m) == 0) {
            words.set(w, old | m); // single writer: a plain read-modify-write suffices, the set publishes it
        }
    }

    private boolean isSet(int bit) {
        return (words.get(bit >>> 6) & (1L << bit)) != 0;
    }

    /** 64-bit FNV-1a over the key, finished with a murmur-style mix so that both halves are usable. */
    static long hash(byte[] key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
