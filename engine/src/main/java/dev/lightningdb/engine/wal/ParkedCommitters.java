package dev.lightningdb.engine.wal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Committers parked until their WAL record is forced, each with the LSN it waits for. Each parks
 * on its own (not on a shared condition), so that a force that covers thirty of them wakes them
 * without thirty hand-overs of a lock. Guarded by the {@link WalWriter}'s lock.
 */
public final class ParkedCommitters {
    /** A thread to unpark once record {@code lsn} is forced (or the log fails). */
    public record Sleeper(Thread thread, long lsn) {
    }

    private List<Sleeper> parked = new ArrayList<>();

    ParkedCommitters() {
    }

    void add(Sleeper s) {
        parked.add(s);
    }

    boolean isEmpty() {
        return parked.isEmpty();
    }

    /**
     * Takes the committers whose records are forced up to {@code durableLsn}, or all of them
     * ({@code all}: after a failure, or when no sync thread forces for the rest); unpark them
     * once the lock is released.
     */
    List<Thread> takeCovered(long durableLsn, boolean all) {
        if (parked.isEmpty()) {
            return List.of();
        }
        List<Thread> woken = new ArrayList<>(parked.size());
        List<Sleeper> rest = new ArrayList<>();
        for (Sleeper w : parked) {
            if (all || w.lsn() <= durableLsn) {
                woken.add(w.thread());
            } else {
                rest.add(w);
            }
        }
        parked = rest;
        return woken;
    }

    static void unparkAll(List<Thread> threads) {
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    /**
     * The committers one force covered, woken as a cascade: the forcing thread wakes the first
     * {@value #FAN_OUT} and goes back to forcing, and each woken committer wakes {@value #FAN_OUT}
     * more on its way out ({@link #help}). Unparking thirty threads one after another costs the
     * forcing thread more than a force of this disk takes; spread over the woken, it happens while
     * the next force runs. Whoever takes the next cascade finishes this one first ({@link #finish}),
     * so a committer that left early (and so wakes nobody) delays the rest by one force at most.
     */
    static final class Cascade {
        static final int FAN_OUT = 2;
        private final List<Thread> threads;
        private final AtomicInteger next = new AtomicInteger();

        Cascade(List<Thread> threads) {
            this.threads = threads;
        }

        /** Wakes up to {@value #FAN_OUT} committers not woken yet. */
        void help() {
            if (next.get() >= threads.size()) {
                return; // every committer is woken: most callers, so no write to the shared counter
            }
            for (int k = 0; k < FAN_OUT; k++) {
                int i = next.getAndIncrement();
                if (i >= threads.size()) {
                    return;
                }
                LockSupport.unpark(threads.get(i));
            }
        }

        /** Wakes every committer not woken yet. */
        void finish() {
            if (next.get() >= threads.size()) {
                return;
            }
            for (int i = next.getAndIncrement(); i < threads.size(); i = next.getAndIncrement()) {
                LockSupport.unpark(threads.get(i));
            }
        }
    }
}
