package dev.lightningdb.engine.store.paged;

import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which tree versions readers may still be walking, so that pages freed by later commits are not
 * reused under them (epoch-based reclamation).
 *
 * <p>Protocol (see {@link PagedStore#get}): a reader reads the published version v, registers v,
 * then reads the published tree state again and walks that one (its version is >= v). The writer
 * publishes a state first and asks {@link #minActive()} afterwards. With volatile ordering, either
 * the writer sees the registration, or the reader's second read sees the new state; so a page freed
 * at version V is unreachable for every reader once {@code V <= minActive()}.
 *
 * <p>Slots are a fixed array claimed by CAS (no allocation on the hot path); when all are taken,
 * registrations spill into a synchronized multiset. A slot holds {@code version + 1}, 0 when free.
 */
final class ReaderRegistry {
    private static final int SLOTS = 128;
    private static final int STRIDE = 8; // one slot per 64-byte cache line

    private final AtomicLongArray slots = new AtomicLongArray(SLOTS * STRIDE);
    private final TreeMap<Long, Integer> overflow = new TreeMap<>();

    /** Registers a reader of {@code version}; returns a ticket for {@link #exit}. */
    long enter(long version) {
        int start = (int) (Thread.currentThread().getId() * 31) & (SLOTS - 1);
        for (int i = 0; i < SLOTS; i++) {
            int slot = ((start + i) & (SLOTS - 1)) * STRIDE;
            if (slots.get(slot) == 0 && slots.compareAndSet(slot, 0, version + 1)) {
                return slot;
            }
        }
        synchronized (overflow) {
            overflow.merge(version, 1, Integer::sum);
        }
        return -1 - version;
    }

    void exit(long ticket) {
        if (ticket >= 0) {
            slots.set((int) ticket, 0);
            return;
        }
        long version = -1L - ticket;
        synchronized (overflow) {
            overflow.computeIfPresent(version, (v, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Registered readers right now (for stats). */
    long active() {
        long n = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slots.get(i * STRIDE) != 0) {
                n++;
            }
        }
        synchronized (overflow) {
            for (int c : overflow.values()) {
                n += c;
            }
        }
        return n;
    }

    /** The lowest version a registered reader walks, or {@link Long#MAX_VALUE} when there is none. */
    long minActive() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < SLOTS; i++) {
            long v = slots.get(i * STRIDE);
            if (v != 0) {
                min = Math.min(min, v - 1);
            }
        }
        synchronized (overflow) {
            if (!overflow.isEmpty()) {
                min = Math.min(min, overflow.firstKey());
            }
        }
        return min;
    }
}
