package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A hash index from key to the node of its newest version in one table's {@link ArenaSkipList},
 * so that a point read finds a buffered key in one or two probes instead of a skip-list descent
 * (some thirty nodes, each a cache miss), and a key the table does not hold in about as many.
 * Open addressing with linear probing over two parallel arrays: a byte of the key's hash per slot
 * ({@code prints}, 0 = empty), and the slot itself, {@code tag << 48 | node}, the tag being 16 more
 * bits of the hash. A read asks every table whose {@link TableFilter} bit is set for the key's
 * bucket (every table, where the filter cannot tell), and some of them do not hold the key: the
 * byte array, an eighth of the slots' size, stays in the core's cache, so such a table costs a
 * probe of a cached line instead of a miss on the slot array.
 *
 * <p>Invariants: one thread writes (the table's writer), after the node it indexes is linked into
 * the list; a new key's slot is written before its print, both with release stores, and readers
 * load prints and slots with acquire, so a reader that finds a print finds its slot and a node
 * that is complete. A grown pair of arrays is filled completely before it replaces the old one
 * (volatile), and the table's commit is published after that, so a reader that may see a version
 * finds it in the arrays it reads. Addresses stay below 2^48 (fewer than 65,536 chunks).
 */
final class KeyIndex {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle PRINT = MethodHandles.arrayElementVarHandle(byte[].class);
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NODE_MASK = (1L << 48) - 1;

    private final ArenaSkipList list;
    private volatile Slots slots;
    /** Keys indexed; writer only, off the cache line of {@code slots} that readers load. */
    private final PaddedLongs count = new PaddedLongs(1);

    /** The two parallel arrays, replaced together when the index grows. */
    private static final class Slots {
        final long[] nodes;
        final byte[] prints;
        final int mask;

        Slots(int length) {
            nodes = new long[length];
            prints = new byte[length];
            mask = length - 1;
        }
    }

    /** An index expecting about {@code expectedKeys} keys (it grows past them). */
    KeyIndex(ArenaSkipList list, int expectedKeys) {
        this.list = list;
        this.slots = new Slots(Math.max(1024, Integer.highestOneBit(Math.max(1, expectedKeys) * 2 - 1) * 2));
    }

    /** Points {@code key} at {@code node}, its newest version (writer only). */
    void put(byte[] key, long hash, long node) {
        if (node >>> 48 != 0) {
            throw new IllegalStateException("write-buffer table too large to index: node address " + node);
        }
        Slots s = slots;
        if (insert(s, key, hash, node)) {
            long n = count.get(0) + 1;
            count.set(0, n);
            if (n * 2 > s.nodes.length) {
                grow(s);
            }
        }
    }

    /** Sets the slot of {@code key} in {@code s}; returns whether the key is new to it. */
    private boolean insert(Slots s, byte[] key, long hash, long node) {
        long tagged = tag(hash) | node;
        byte print = print(hash);
        for (int i = (int) hash & s.mask; ; i = (i + 1) & s.mask) {
            byte p = (byte) PRINT.getAcquire(s.prints, i);
            if (p == 0) {
                SLOT.setRelease(s.nodes, i, tagged);
                PRINT.setRelease(s.prints, i, print); // after the slot: a reader that sees the print sees the slot
                return true;
            }
            if (p == print) {
                long cur = (long) SLOT.getAcquire(s.nodes, i);
                if ((cur & ~NODE_MASK) == tag(hash) && list.compareKey(cur & NODE_MASK, key) == 0) {
                    SLOT.setRelease(s.nodes, i, tagged);
                    return false;
                }
            }
        }
    }

    private void grow(Slots old) {
        Slots bigger = new Slots(old.nodes.length * 2);
        for (int j = 0; j < old.nodes.length; j++) {
            long cur = old.nodes[j];
            if (old.prints[j] != 0) {
                long hash = hash(list.key(cur & NODE_MASK));
                int i = (int) hash & bigger.mask;
                while (bigger.prints[i] != 0) {
                    i = (i + 1) & bigger.mask;
                }
                bigger.nodes[i] = cur;
                bigger.prints[i] = old.prints[j];
            }
        }
        slots = bigger; // volatile: every slot above is visible to whoever reads the new arrays
    }

    /** The node of {@code key}'s newest version, or 0 when the table holds no version of it. */
    long get(byte[] key, long hash) {
        Slots s = slots;
        byte print = print(hash);
        long tag = tag(hash);
        for (int i = (int) hash & s.mask; ; i = (i + 1) & s.mask) {
            byte p = (byte) PRINT.getAcquire(s.prints, i);
            if (p == 0) {
                return 0;
            }
            if (p == print) {
                long cur = (long) SLOT.getAcquire(s.nodes, i);
                if ((cur & ~NODE_MASK) == tag && list.compareKey(cur & NODE_MASK, key) == 0) {
                    return cur & NODE_MASK;
                }
            }
        }
    }

    /**
     * {@link #get}, probing the slots without their prints: for a table that probably holds the key
     * (its {@link TableFilter} bit is set), where the print would be one more cache miss, not one
     * fewer. A slot is never 0 once written (a node address is not), so 0 marks the probe's end.
     */
    long getLikely(byte[] key, long hash) {
        Slots s = slots;
        long tag = tag(hash);
        for (int i = (int) hash & s.mask; ; i = (i + 1) & s.mask) {
            long cur = (long) SLOT.getAcquire(s.nodes, i);
            if (cur == 0) {
                return 0;
            }
            if ((cur & ~NODE_MASK) == tag && list.compareKey(cur & NODE_MASK, key) == 0) {
                return cur & NODE_MASK;
            }
        }
    }

    /** Eight bits of the hash that neither the slot position (low bits) nor the tag (top 16) uses; never 0. */
    private static byte print(long hash) {
        byte p = (byte) (hash >>> 40);
        return p == 0 ? 1 : p;
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
