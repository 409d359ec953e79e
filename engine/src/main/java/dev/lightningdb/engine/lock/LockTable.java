package dev.lightningdb.engine.lock;

import dev.lightningdb.engine.common.DeadlockException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Key locks of a database's transactions, in memory only (recovery has nothing to redo: a crash
 * ends every transaction). A lock is named by its key's {@link KeyHash}; the table is split into
 * stripes by hash so that unrelated locks never contend.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A lock is held exclusively by one owner, or shared by owners, or by nobody (then it is not
 *       in the table). Each owner lists every lock it holds exactly once.
 *   <li>Grants follow arrival ({@link LockState}); a waiter parks, and is unparked by the owner that
 *       grants it, never spinning.
 *   <li>A wait that would close a cycle of owners each waiting for the next is refused at once: the
 *       owner that would close it is the victim ({@link DeadlockException}). Checks run one at a
 *       time under {@link #detector}, each after its wait is queued, so of two waits that close a
 *       cycle together the later check sees both. The edges an owner waits on only shrink while
 *       it waits (new requests queue behind it), so a check at the start of a wait is enough.
 *   <li>Lock order: {@link #detector}, then one stripe, or every stripe in index order (to confirm
 *       a cycle found). A stripe's lock is never held while taking the detector or parking.
 * </ol>
 */
public final class LockTable {
    private static final long PARK_SLICE_NANOS = 50_000_000L;
    private final Stripe[] stripes;
    private final int mask;
    private final long seed = ThreadLocalRandom.current().nextLong() | 1;
    private final ReentrantLock detector = new ReentrantLock();
    private final LockStats stats = new LockStats();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Names a key in error messages (called only to build one). */
    private final Function<byte[], String> names;

    /** @param names how error messages name a key */
    public LockTable(Function<byte[], String> names) {
        this(64, names);
    }

    LockTable(int stripeCount, Function<byte[], String> names) {
        this.names = names;
        stripes = new Stripe[Integer.highestOneBit(stripeCount)];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Stripe();
        }
        mask = stripes.length - 1;
    }

    /** The lock name of {@code key}. */
    public long hash(byte[] key) {
        return KeyHash.of(key, seed);
    }

    /**
     * Takes lock {@code hash} for {@code owner} in {@code mode}, or finds it already held so.
     *
     * @param timeoutNanos how long {@link LockWait#WAIT} waits before failing
     * @param key the key whose lock it is, named in error messages
     * @return false only under {@link LockWait#SKIP_LOCKED} when the lock is not free
     * @throws LightningDbException {@link ErrorCode#LOCK_NOT_AVAILABLE} (NOWAIT, timeout), {@link ErrorCode#INTERRUPTED}
     * @throws DeadlockException when waiting would close a cycle; the caller must then end the owner's transaction
     */
    public boolean acquire(LockOwner owner, long hash, LockMode mode, LockWait wait, long timeoutNanos, byte[] key) {
        Stripe s = stripes[(int) hash & mask];
        Waiter w;
        boolean wasHolder;
        s.mutex.lock();
        try {
            Object v = s.get(hash);
            if (v == null) {
                if (mode == LockMode.EXCLUSIVE) {
                    s.put(hash, owner);
                } else {
                    LockState st = new LockState(hash);
                    st.grant(owner, mode);
                    s.put(hash, st);
                }
                owner.add(hash);
                return true;
            }
            if (v == owner) {
                return true; // held exclusively already
            }
            LockState st = v instanceof LockState x ? x : inflate(s, hash, (LockOwner) v);
            if (st.holds(owner, mode)) {
                return true;
            }
            wasHolder = st.sharesWith(owner);
            if (st.compatible(owner, mode) && (wasHolder || st.queue.isEmpty())) {
                st.grant(owner, mode);
                if (!wasHolder) {
                    owner.add(hash);
                }
                return true;
            }
            if (wait == LockWait.SKIP_LOCKED) {
                stats.skipped.increment();
                return false;
            }
            if (wait == LockWait.NOWAIT || timeoutNanos <= 0) {
                stats.refused.increment();
                throw notAvailable(key, st, wait == LockWait.NOWAIT ? "NOWAIT was asked" : "the lock timeout is zero");
            }
            w = new Waiter(owner, mode, st);
            if (wasHolder) {
                st.queue.addFirst(w); // an upgrade: see LockState
            } else {
                st.queue.addLast(w);
            }
            owner.waitingFor = w;
        } finally {
            s.mutex.unlock();
        }
        long started = System.nanoTime();
        waiting.incrementAndGet();
        try {
            checkDeadlock(owner, w, key);
            awaitGrant(w, s, started, timeoutNanos, key);
        } finally {
            waiting.decrementAndGet();
            stats.waited(System.nanoTime() - started);
        }
        if (!wasHolder) {
            owner.add(hash);
        }
        return true;
    }

    /** Whether {@code owner} holds lock {@code hash} in {@code mode} (or stronger). */
    public boolean holds(LockOwner owner, long hash, LockMode mode) {
        Stripe s = stripes[(int) hash & mask];
        s.mutex.lock();
        try {
            Object v = s.get(hash);
            return v == owner || (v instanceof LockState st && st.holds(owner, mode));
        } finally {
            s.mutex.unlock();
        }
    }

    /** Releases every lock {@code owner} took after it held {@code mark} locks, granting waiters. */
    public void releaseFrom(LockOwner owner, int mark) {
        List<Thread> wake = null;
        for (int i = owner.heldCount() - 1; i >= mark; i--) {
            long hash = owner.heldAt(i);
            Stripe s = stripes[(int) hash & mask];
            s.mutex.lock();
            try {
                Object v = s.get(hash);
                if (v == owner) {
                    s.remove(hash);
                } else if (v instanceof LockState st) {
                    st.release(owner);
                    if (!st.queue.isEmpty()) {
                        wake = wake == null ? new ArrayList<>() : wake;
                        st.grantWaiters(wake);
                    }
                    if (st.unheld() && st.queue.isEmpty()) {
                        s.remove(hash);
                    }
                }
            } finally {
                s.mutex.unlock();
            }
            if (wake != null) {
                for (Thread t : wake) {
                    LockSupport.unpark(t);
                }
                wake.clear();
            }
        }
        owner.truncate(Math.min(mark, owner.heldCount()));
    }

    /** Counters: waits, wait times, timeouts, deadlocks, current waiters and held locks. */
    public void addStats(Map<String, Long> m) {
        long held = 0;
        for (Stripe s : stripes) {
            s.mutex.lock();
            try {
                held += s.size();
            } finally {
                s.mutex.unlock();
            }
        }
        stats.addTo(m);
        m.put("lock.waiting", (long) waiting.get());
        m.put("lock.held", held);
    }

    private static LockState inflate(Stripe s, long hash, LockOwner holder) {
        LockState st = new LockState(hash);
        st.exclusive = holder;
        s.put(hash, st);
        return st;
    }

    private void awaitGrant(Waiter w, Stripe s, long started, long timeoutNanos, byte[] key) {
        long deadline = started + timeoutNanos;
        while (!w.granted) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.interrupted()) {
                boolean interrupted = left > 0;
                String holders = giveUp(w, s);
                if (holders == null) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return; // granted while giving up
                }
                if (interrupted) {
                    throw new LightningDbException(ErrorCode.INTERRUPTED, "interrupted while waiting for the lock on " + names.apply(key));
                }
                stats.timeouts.increment();
                throw notAvailable(key, holders, "not granted within the lock timeout of " + timeoutNanos / 1_000_000 + " ms");
            }
            LockSupport.parkNanos(this, Math.min(left, PARK_SLICE_NANOS));
        }
    }

    /** Leaves the queue unless already granted; returns the holders then (for the message), or null when granted. */
    private String giveUp(Waiter w, Stripe s) {
        List<Thread> wake = new ArrayList<>();
        String holders;
        s.mutex.lock();
        try {
            if (w.granted) {
                return null;
            }
            holders = w.state.describeHolders();
            w.state.queue.remove(w);
            w.owner.waitingFor = null;
            w.state.grantWaiters(wake); // those behind it may be compatible now
            if (w.state.unheld() && w.state.queue.isEmpty()) {
                s.remove(w.state.hash);
            }
        } finally {
            s.mutex.unlock();
        }
        for (Thread t : wake) {
            LockSupport.unpark(t);
        }
        return holders;
    }

    /** Refuses the wait (invariant 3) when the owners it waits for wait, through each other, for it. */
    private void checkDeadlock(LockOwner owner, Waiter w, byte[] key) {
        detector.lock();
        try {
            List<LockOwner> cycle = findCycle(owner, w);
            if (cycle == null) {
                return;
            }
            // Confirmed with every stripe held, when the graph cannot change: the search above read
            // each stripe at a different moment, and may have joined edges that never coexisted.
            for (Stripe st : stripes) {
                st.mutex.lock();
            }
            try {
                cycle = findCycle(owner, w);
            } finally {
                for (Stripe st : stripes) {
                    st.mutex.unlock();
                }
            }
            if (cycle == null) {
                return;
            }
            Stripe s = stripes[(int) w.state.hash & mask];
            String holders = giveUp(w, s);
            if (holders == null) {
                return; // granted meanwhile: the cycle was already gone
            }
            stats.deadlocks.increment();
            StringBuilder path = new StringBuilder(owner.toString());
            for (LockOwner o : cycle) {
                path.append(" -> ").append(o);
            }
            throw new DeadlockException("deadlock: " + owner + " waited for the lock on " + names.apply(key) + " held by " + holders
                    + ", in a cycle of waits " + path + "; " + owner + " was rolled back so that the others go on; retry the transaction");
        } finally {
            detector.unlock();
        }
    }

    /** Depth-first search of the wait-for graph from {@code start}'s wait; the path back to it, or null. */
    private List<LockOwner> findCycle(LockOwner start, Waiter first) {
        ArrayDeque<List<LockOwner>> paths = new ArrayDeque<>();
        Set<LockOwner> seen = new HashSet<>();
        for (LockOwner b : blockers(first)) {
            paths.push(List.of(b));
        }
        while (!paths.isEmpty()) {
            List<LockOwner> path = paths.pop();
            LockOwner at = path.get(path.size() - 1);
            if (at == start) {
                return path;
            }
            if (!seen.add(at)) {
                continue;
            }
            Waiter w = at.waitingFor;
            if (w == null) {
                continue;
            }
            for (LockOwner b : blockers(w)) {
                List<LockOwner> next = new ArrayList<>(path.size() + 1);
                next.addAll(path);
                next.add(b);
                paths.push(next);
            }
        }
        return null;
    }

    private List<LockOwner> blockers(Waiter w) {
        List<LockOwner> out = new ArrayList<>();
        Stripe s = stripes[(int) w.state.hash & mask];
        s.mutex.lock();
        try {
            if (!w.granted && w.owner.waitingFor == w) {
                w.state.blockers(w, out);
            }
        } finally {
            s.mutex.unlock();
        }
        return out;
    }

    private LightningDbException notAvailable(byte[] key, LockState st, String why) {
        return notAvailable(key, st.describeHolders(), why);
    }

    private LightningDbException notAvailable(byte[] key, String holders, String why) {
        return new LightningDbException(ErrorCode.LOCK_NOT_AVAILABLE, "the lock on " + names.apply(key) + " is held by " + holders + " and "
                + why + "; the transaction is still open");
    }
}
