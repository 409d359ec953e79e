package dev.lightningdb.engine.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * Which write-buffer tables may hold a key, and where the key written last in its bucket lies: per
 * bucket of key hashes two 64-bit words in one cache line, a bit per table and a hint. Each table
 * takes one of 64 slots when it is created and sets its bit in its keys' buckets as it is written,
 * so a point read loads one line and asks only the tables whose bits are set, instead of every
 * frozen table (a flat-out writer leaves dozens). The hint names the table slot and
 * node of the version written last into the bucket: when that is the reader's key, it is the key's
 * newest version (a later write of the key would have replaced the hint), and the read costs the
 * line and the node, without asking any table's index. A table that found no free slot sets no bit
 * and no hint, and is always asked.
 *
 * <p>Invariants: one thread writes bits and hints (the commit lock holder), after the version is
 * in its table and before the commit is published, so a reader of a view finds the bit of every
 * table of that view that holds the key, unless those bits were cleared since. Bits and hints are
 * cleared only for tables that a merge took out of the published view, and {@link #clearedBelow}
 * is raised past their sequence numbers before the first of them is cleared (atomically: the writer
 * may be writing the same line); a reader that loaded a line, then finds one of its view's tables
 * below that mark, may have missed a bit or hold a hint whose slot a newer table took over, and
 * asks every table instead without following the hint ({@link View#lookup}). A slot is handed out
 * again only once all of its bits and hints are clear.
 *
 * <p>Note 2, hints in pairs. Two buckets side by side (32 bytes, the same line) share their two
 * hint words, so a key keeps its hint unless two later keys of its pair took both: fewer reads
 * lose their hint than with one word per bucket, and a read beside the writer costs less CPU
 * (docs/storage.md, "Table filter", has the counts and times). A pair
 * holds at most one hint per 9-bit tag: a write replaces the hint of its key's tag where it is,
 * else takes an empty word, else its own bucket's. A hint is never copied from one word to the
 * other, so a hint the merger cleared cannot come back, and a hint that names the reader's key
 * is the newest write of that key's tag in the pair, so its newest version.
 */
final class TableFilter {
    /** Tables that can hold a slot (a bit each in a bucket's word). */
    static final int SLOTS = Long.SIZE;
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int MIN_BUCKETS = 1 << 10;
    private static final int MAX_BUCKETS = 1 << 22; // 64 MiB
    /** Hint layout: node offset in bits 0-31, chunk in 32-47, slot + 1 in 48-54 (0: no hint), 9 bits of the key's hash above. */
    private static final int HINT_SLOT_SHIFT = 48;
    private static final int HINT_TAG_SHIFT = 55;

    private final int buckets;
    /** Per bucket its bits, then its hint; allocated by the first write (a database only read never pays for it). */
    private volatile long[] words;
    /** Slots not held by a table; guarded by this. */
    private long freeSlots = -1L;
    /** Sequence number of the next table; guarded by this. */
    private long nextSeq = 1;
    /** Tables with a sequence number below this may have had their bits and hints cleared. */
    private volatile long clearedBelow;

    /** A filter for a buffer of at most {@code maxBufferBytes} (about a bucket per 128 bytes of versions). */
    TableFilter(long maxBufferBytes) {
        long wanted = Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, maxBufferBytes / 128));
        int n = Integer.highestOneBit((int) wanted);
        buckets = n < wanted ? n * 2 : n;
    }

    synchronized long nextSeq() {
        return nextSeq++;
    }

    /** A free slot for a new table, or -1 when all {@value #SLOTS} are held. */
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

    /**
     * Marks that the table in {@code slot} holds a key with this {@link KeyIndex#hash}, its newest
     * version at {@code node} (the table's writer, after the version is in the table). A table
     * without a slot ({@code -1}) sets no bit and takes the bucket's hint away: the hint must never
     * name an older version than the key's newest.
     */
    void add(long hash, int slot, long node) {
        long[] w = words;
        if (w == null) {
            words = w = new long[2 * buckets]; // the writer's; published with the commit, like the bits
        }
        int i = index(hash);
        if (slot >= 0 && ((long) WORDS.getOpaque(w, i) & (1L << slot)) == 0) {
            WORDS.getAndBitwiseOrRelease(w, i, 1L << slot);
        }
        long hint = hintOf(hash, slot, node);
        int home = i + 1;
        int buddy = (i ^ 2) + 1;
        long homeHint = (long) WORDS.getOpaque(w, home);
        long buddyHint = (long) WORDS.getOpaque(w, buddy);
        // At most one hint per tag in a pair (note 2): the one of this key's tag is replaced in place.
        int target;
        if (hintMayBe(homeHint, hash)) {
            target = home;
        } else if (hintMayBe(buddyHint, hash)) {
            target = buddy;
        } else if (hint == 0) {
            return; // no hint of this tag to take away
        } else {
            target = homeHint != 0 && buddyHint == 0 ? buddy : home;
        }
        WORDS.setRelease(w, target, hint);
    }

    /** The hint naming {@code node} of the table in {@code slot}; 0 (no hint) without a slot or past 2^16 chunks. */
    private static long hintOf(long hash, int slot, long node) {
        long chunk = node >>> 32;
        if (slot < 0 || chunk >= 1 << 16) {
            return 0L;
        }
        return (hash >>> HINT_TAG_SHIFT) << HINT_TAG_SHIFT | (long) (slot + 1) << HINT_SLOT_SHIFT | chunk << 32 | (node & 0xFFFF_FFFFL);
    }

    /** The slots of the tables that may hold a key with this hash (all of them before the first write). */
    long tables(long hash) {
        long[] w = words;
        return w == null ? -1L : (long) WORDS.getAcquire(w, index(hash));
    }

    /**
     * The hint of this hash's tag in its pair of buckets, or 0 when neither word holds one; it may
     * still name another key of the same tag. See {@link #hintSlot} and {@link #hintNode}.
     */
    long hint(long hash) {
        long[] w = words;
        if (w == null) {
            return 0L;
        }
        int i = index(hash);
        long home = (long) WORDS.getAcquire(w, i + 1);
        if (hintMayBe(home, hash)) {
            return home;
        }
        long buddy = (long) WORDS.getAcquire(w, (i ^ 2) + 1);
        return hintMayBe(buddy, hash) ? buddy : 0L;
    }

    /** Whether {@code hint} may name a version of a key with this hash (its slot is set and its hash bits agree). */
    static boolean hintMayBe(long hint, long hash) {
        return hint != 0 && hint >>> HINT_TAG_SHIFT == hash >>> HINT_TAG_SHIFT;
    }

    /** The table slot a hint names. */
    static int hintSlot(long hint) {
        return (int) ((hint >>> HINT_SLOT_SHIFT) & 0x7F) - 1;
    }

    /** The node a hint names, in its table's list. */
    static long hintNode(long hint) {
        return hint & 0xFFFF_FFFF_FFFFL;
    }

    /** See the class invariants: a view whose oldest table is below this must trust neither {@link #tables} nor {@link #hint}. */
    long clearedBelow() {
        return clearedBelow;
    }

    /**
     * Clears the bits and hints of tables a merge took out of the published view, then frees their slots
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
        for (int i = 0; w != null && i < w.length; i += 2) {
            if ((w[i] & slots) != 0) {
                WORDS.getAndBitwiseAndRelease(w, i, keep);
            }
            long hint = w[i + 1];
            if (hint != 0 && (slots & (1L << hintSlot(hint))) != 0) {
                WORDS.compareAndSet(w, i + 1, hint, 0L); // fails only if the writer wrote a newer hint
            }
        }
        freeSlots(slots);
    }

    /** The bucket's first word (its bits; its hint follows; {@code index ^ 2} is its pair's other bucket). */
    private int index(long hash) {
        return 2 * ((int) (hash >>> 18) & (buckets - 1)); // bits the key index uses least (its slot takes the lowest)
    }
}
