package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * Which write-buffer tables may hold a key: one 64-bit word per bucket of key hashes, one bit per
 * table. Each table takes one of 64 slots when it is created and sets its bit in its keys' words
 * as it is written, so a point read loads one word and asks only the tables whose bits are set,
 * instead of every frozen table (a flat-out writer leaves forty to sixty of them, and the reads
 * beside it spent most of their time asking tables that did not hold the key). A table that found
 * no free slot sets no bit and is always asked.
 *
 * <p>Invariants: a table's bits are set (atomically: a merger may be clearing other bits of the same
 * word) before the commit that adds the key is published, so a reader of a view finds the bit of
 * every table of that view that holds the key, unless those bits were cleared since. Bits are
 * cleared only for tables that a merge took out of the published view, and {@link #clearedBelow}
 * is raised past their sequence numbers before the first of them is cleared; a reader that loaded a
 * word, then finds its view's oldest table below that mark, may have missed a bit and asks every
 * table instead ({@link View#lookup}). A slot is handed out again only once all of its bits are
 * clear.
 */
final class TableFilter {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int MIN_WORDS = 1 << 10;
    private static final int MAX_WORDS = 1 << 22; // 32 MiB

    private final int length;
    /** Allocated by the first write (a database only read never pays for it); null until then. */
    private volatile long[] words;
    /** Slots not held by a table; guarded by this. */
    private long freeSlots = -1L;
    /** Sequence number of the next table; guarded by this. */
    private long nextSeq = 1;
    /** Tables with a sequence number below this may have had their bits cleared. */
    private volatile long clearedBelow;

    /** A filter for a buffer of at most {@code maxBufferBytes} (about a word per 128 bytes of versions). */
    TableFilter(long maxBufferBytes) {
        long wanted = Math.max(MIN_WORDS, Math.min(MAX_WORDS, maxBufferBytes / 128));
        int n = Integer.highestOneBit((int) wanted);
        length = n < wanted ? n * 2 : n;
    }

    synchronized long nextSeq() {
        return nextSeq++;
    }

    /** A free slot for a new table, or -1 when all 64 are held. */
    synchronized int takeSlot() {
        if (freeSlots == 0) {
            return -1;
        }
        int slot = Long.numberOfTrailingZeros(freeSlots);
        freeSlots &= ~(1L << slot);
        return slot;
    }

    private synchronized void freeSlots(long slots) {
        freeSlots |= slots;
    }

    /** Marks that the table in {@code slot} holds a key with this {@link KeyIndex#hash} (the table's writer). */
    void add(long hash, int slot) {
        long[] w = words;
        if (w == null) {
            words = w = new long[length]; // the writer's; published with the commit, like the bits
        }
        int i = index(hash);
        long bit = 1L << slot;
        if (((long) WORDS.getOpaque(w, i) & bit) == 0) {
            WORDS.getAndBitwiseOrRelease(w, i, bit);
        }
    }

    /** The slots of the tables that may hold a key with this hash (all of them before the first write). */
    long tables(long hash) {
        long[] w = words;
        return w == null ? -1L : (long) WORDS.getAcquire(w, index(hash));
    }

    /** See the class invariants: a view whose oldest table is below this must not trust {@link #tables}. */
    long clearedBelow() {
        return clearedBelow;
    }

    /**
     * Clears the bits of tables a merge took out of the published view, then frees their slots
     * (the merger, after publishing that view). They are the oldest tables of the buffer.
     */
    void release(List<MemTable> merged) {
        long slots = 0;
        long maxSeq = 0;
        for (MemTable m : merged) {
            if (m.slot() >= 0) {
                slots |= 1L << m.slot();
            }
            maxSeq = Math.max(maxSeq, m.seq());
        }
        if (maxSeq >= clearedBelow) {
            clearedBelow = maxSeq + 1; // before any bit goes
        }
        if (slots == 0) {
            return;
        }
        long keep = ~slots;
        long[] w = words;
        for (int i = 0; w != null && i < w.length; i++) {
            if ((w[i] & slots) != 0) {
                WORDS.getAndBitwiseAndRelease(w, i, keep);
            }
        }
        freeSlots(slots);
    }

    private int index(long hash) {
        return (int) (hash >>> 18) & (length - 1); // bits the key index uses least (its slot takes the lowest)
    }
}
