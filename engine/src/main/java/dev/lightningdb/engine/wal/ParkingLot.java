package dev.lightningdb.engine.wal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads parked until a position is reached: the commit path's one way of making a thread wait
 * for another. A commit waits in one lot until its commit group is committed (position: its number
 * in the commit queue, {@code CommitPipeline}) and in another until its WAL record is forced
 * (position: its LSN, {@link WalWriter}).
 *
 * <p>Each waiter parks on its own rather than on a shared condition, so that waking thirty of
 * them hands no lock over thirty times. The waiters an {@link #advance} covers are woken as a
 * cascade ({@link Wakeup}): the waker unparks {@value #FAN_OUT} and goes back to its work, and
 * each of them unparks {@value #FAN_OUT} more when it {@link #leave}s; unparking them one after
 * another would hold the waker up for longer than a force takes.
 *
 * <p>Invariants:
 * <ol>
 *   <li>{@link #reached} only grows. {@link #advance} takes the waiters it covers out of the lot
 *       and into their cascade before it publishes the new position, so a waiter that sees its
 *       position reached also sees the cascade it has to help.
 *   <li>A waiter is {@link #add}ed before it checks for the last time whether to park (where an
 *       owner decides who waits, under the owner's lock), so a wake-up never falls between that
 *       check and the park: an unpark that comes first makes the park return at once.
 *   <li>A return from {@link #park} proves nothing: the caller checks again, so a spurious return
 *       or a nudge ({@link #wakeFirst}) costs a loop, never a wrong answer.
 *   <li>Every waiter that was in a cascade helps it once when it leaves, parked or not; so a
 *       cascade always reaches its last waiter (each who leaves wakes two more).
 * </ol>
 */
public final class ParkingLot {
    static final int FAN_OUT = 2;

    /** One thread's wait for one position. */
    public static final class Waiter {
        private final Thread thread;
        private final long position;
        /** In the lot; guarded by the lot, read by the waiter's own thread without it. */
        private volatile boolean listed;
        /** The cascade that woke this waiter: set before it leaves the lot and before its position is published. */
        private volatile Wakeup wokenBy;

        private Waiter(Thread thread, long position) {
            this.thread = thread;
            this.position = position;
        }

        /** The thread that waits. */
        public Thread thread() {
            return thread;
        }
    }

    private static final Wakeup NOBODY = new Wakeup(List.of(), 0);

    private final List<Waiter> waiting = new ArrayList<>();
    private volatile long reached;

    public ParkingLot(long reached) {
        this.reached = reached;
    }

    public long reached() {
        return reached;
    }

    /** A wait of the calling thread for {@code position}. */
    public Waiter waiter(long position) {
        return new Waiter(Thread.currentThread(), position);
    }

    /**
     * A wait of {@code thread} for {@code position}, listed by another thread on its behalf: that
     * thread must later {@link #leave} it (it then helps the cascade that woke it).
     */
    public Waiter waiter(Thread thread, long position) {
        return new Waiter(thread, position);
    }

    /** Lists {@code w} so that an advance to its position wakes it (invariant 2); once. Returns whether it is listed now. */
    public synchronized boolean add(Waiter w) {
        if (!w.listed && w.position > reached) {
            w.listed = true;
            waiting.add(w);
        }
        return w.listed;
    }

    /** Whether nobody is listed (an advance takes out every waiter it covers). */
    public synchronized boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Parks the calling thread until it is unparked, {@code maxNanos} pass (0: no limit) or spuriously. */
    public void park(Waiter w, long maxNanos) {
        if (w.position <= reached) {
            return;
        }
        if (maxNanos > 0) {
            LockSupport.parkNanos(this, maxNanos);
        } else {
            LockSupport.park(this);
        }
    }

    /** Ends {@code w}'s wait, whatever ended it: helps the cascade that woke it, or leaves the lot. */
    public void leave(Waiter w) {
        if (w.listed) {
            synchronized (this) {
                if (w.listed) {
                    w.listed = false;
                    waiting.remove(w);
                }
            }
        }
        Wakeup c = w.wokenBy;
        if (c != null) {
            c.help();
        }
    }

    /**
     * Raises the reached position to {@code position} and takes every waiter it covers out of the
     * lot; returns them as a cascade to {@link Wakeup#start} once the caller holds no lock.
     */
    public synchronized Wakeup advance(long position) {
        return advance(position, List.of());
    }

    /**
     * As {@link #advance(long)}, but the waiters of the threads in {@code handedOver} leave the lot
     * without being woken: something else wakes those threads (they were listed in another lot).
     */
    public synchronized Wakeup advance(long position, List<Thread> handedOver) {
        if (waiting.isEmpty()) { // the common case of a lone committer: nothing to allocate
            reached = Math.max(reached, position);
            return NOBODY;
        }
        List<Thread> covered = new ArrayList<>();
        Wakeup cascade = new Wakeup(covered, FAN_OUT);
        List<Waiter> rest = new ArrayList<>();
        for (Waiter w : waiting) {
            if (w.position <= position && handedOver.contains(w.thread)) {
                w.listed = false;
            } else if (w.position <= position) {
                w.wokenBy = cascade; // before listed: a waiter that finds itself out of the lot sees its cascade
                w.listed = false;
                covered.add(w.thread);
            } else {
                rest.add(w);
            }
        }
        waiting.clear();
        waiting.addAll(rest);
        if (position > reached) {
            reached = position; // after the cascade is in place (invariant 1)
        }
        return cascade;
    }

    /** Takes every waiter out of the lot, to be unparked at once by {@link Wakeup#start}: each must look again (a failure). */
    public synchronized Wakeup takeAll() {
        if (waiting.isEmpty()) {
            return NOBODY;
        }
        List<Thread> all = new ArrayList<>(waiting.size());
        for (Waiter w : waiting) {
            w.listed = false;
            all.add(w.thread);
        }
        waiting.clear();
        return new Wakeup(all, Integer.MAX_VALUE);
    }

    /** Unparks the waiter with the lowest position not reached yet, taking it out of the lot: it has something to do. */
    public void wakeFirst() {
        Waiter first = null;
        synchronized (this) {
            for (Waiter w : waiting) {
                if (w.position > reached && (first == null || w.position < first.position)) {
                    first = w;
                }
            }
            if (first != null) {
                first.listed = false;
                waiting.remove(first);
            }
        }
        if (first != null) {
            LockSupport.unpark(first.thread);
        }
    }

    /** Threads to unpark, {@code fanOut} at a time by each caller of {@link #help}. */
    public static final class Wakeup {
        private final List<Thread> threads;
        private final int fanOut;
        private final AtomicInteger next = new AtomicInteger();

        private Wakeup(List<Thread> threads, int fanOut) {
            this.threads = threads;
            this.fanOut = fanOut;
        }

        /** The waker's part: unparks the first of them (all of them, for {@link #takeAll}). */
        public void start() {
            help();
        }

        void help() {
            if (next.get() >= threads.size()) {
                return; // all woken: most callers, so no write to the shared counter
            }
            for (int k = 0; k < fanOut; k++) {
                int i = next.getAndIncrement();
                if (i >= threads.size()) {
                    return;
                }
                LockSupport.unpark(threads.get(i));
            }
        }
    }
}
