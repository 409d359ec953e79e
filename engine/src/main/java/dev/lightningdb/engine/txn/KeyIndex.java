package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A hash index from key to the node of its newest version in one table's {@link ArenaSkipList},
 * so that a point read finds a buffered key in one or two probes instead of a skip-list descent
 * (some thirty nodes, each a cache miss), and a key the table does not hold in about as many.
 * Open addressing with linear probing; a slot holds {@code tag << 48 | node}, the tag being 16 bits
 * of the key's hash, so that most probes of other keys are rejected without touching the arena.
 *
 * <p>Invariants: one thread writes (the table's writer), after the node it indexes is linked into
 * the list; slots are written with release stores and read with acquire loads, so a reader that
 * finds a node sees all of it. A grown slot array is filled completely before it replaces the old
 * one (volatile), and the table's commit is published after that, so a reader that may see a
 * version finds it in the array it reads. Addresses stay below 2^48 (fewer than 65,536 chunks).
 */
final class KeyIndex {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NODE_MASK = (1L << 48) - 1;

    private final ArenaSkipList list;
    private volatile long[] slots;
    /** Keys indexed; writer only. */
    private int count;

    /** An index expecting about {@code expectedKeys} keys (it grows past them). */
    KeyIndex(ArenaSkipList list, int expectedKeys) {
        this.list = list;
        this.slots = new long[Math.max(1024, Integer.highestOneBit(Math.max(1, expectedKeys) * 2 - 1) * 2)];
    }

    /** Points {@code key} at {@code node}, its newest version (writer only). */
    void put(byte[] key, long hash, long node) {
        if (node >>> 48 != 0) {
            throw new IllegalStateException("write-buffer table too large to index: node address " + node);
        }
        long[] s = slots;
        if (insert(s, key, hash, node)) {
            if (++count * 2 > s.length) {
                grow(s);
            }
        }
    }

    /** Sets the slot of {@code key} in {@code s}; returns whether the key is new to it. */
    private boolean insert(long[] s, byte[] key, long hash, long node) {
        int mask = s.length - 1;
        long tagged = tag(hash) | node;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long cur = (long) SLOT.getAcquire(s, i);
            if (cur == 0) {
                SLOT.setRelease(s, i, tagged);
                return true;
            }
            if ((cur & ~NODE_MASK) == tag(hash) && list.compareKey(cur & NODE_MASK, key) == 0) {
                SLOT.setRelease(s, i, tagged);
                return false;
            }
        }
    }

    private void grow(long[] old) {
        long[] bigger = new long[old.length * 2];
        int mask = bigger.length - 1;
        for (long cur : old) {
            if (cur != 0) {
                long hash = hash(list.key(cur & NODE_MASK));
                int i = (int) hash & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = cur;
            }
        }
        slots = bigger; // volatile: every slot above is visible to whoever reads the new array
    }

    /** The node of {@code key}'s newest version, or 0 when the table holds no version of it. */
    long get(byte[] key, long hash) {
        long[] s = slots;
        int mask = s.length - 1;
        long tag = tag(hash);
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long cur = (long) SLOT.getAcquire(s, i);
            if (cur == 0) {
                return 0;
            }
            if ((cur & ~NODE_MASK) == tag && list.compareKey(cur & NODE_MASK, key) == 0) {
                return cur & NODE_MASK;
            }
        }
    }

    private static long tag(long hash) {
        return (hash >>> 48) << 48;
    }

    /** A 64-bit hash of the key, eight bytes per step, finished with a murmur-style mix so that all bits are usable. */
    static long hash(byte[] key) {
        long h = 0x9E3779B97F4A7C15L ^ key.length;
        int i = 0;
        for (; i + 8 <= key.length; i += 8) {
            h = (h ^ (long) WORDS.get(key, i)) * 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; i < key.length; i++, shift += 8) {
            tail |= (key[i] & 0xffL) << shift;
        }
        h = (h ^ tail) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
