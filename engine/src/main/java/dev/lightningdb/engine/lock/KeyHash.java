package dev.lightningdb.engine.lock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 64-bit name under which a key is locked. Two keys with one hash share a lock: a spurious
 * wait, never a missed one, and at 64 bits rare enough (about one pair among four billion keys
 * locked at once) not to matter. Never 0, which marks an empty slot.
 */
final class KeyHash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private KeyHash() {
    }

    /** The lock name of {@code key} in a table seeded with {@code seed}. */
    static long of(byte[] key, long seed) {
        long h = seed ^ (key.length * MULTIPLIER);
        int i = 0;
        for (; i + 8 <= key.length; i += 8) {
            h = Long.rotateLeft(h ^ mix((long) LONGS.get(key, i)), 29) * MULTIPLIER;
        }
        long tail = 0;
        for (int shift = 0; i < key.length; i++, shift += 8) {
            tail |= (key[i] & 0xffL) << shift;
        }
        h = mix(h ^ mix(tail ^ 0x5bd1e995L));
        return h == 0 ? 1 : h;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53e88b5L;
        return z ^ (z >>> 33);
    }
}
