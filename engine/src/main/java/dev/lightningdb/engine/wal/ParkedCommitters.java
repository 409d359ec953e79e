package dev.lightningdb.engine.wal;

import java.util.ArrayList;
import java.util.List;
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
}
