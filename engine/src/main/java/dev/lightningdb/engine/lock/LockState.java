package dev.lightningdb.engine.lock;

import dev.lightningdb.engine.common.LockMode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A lock that someone shares, or that has waiters (a lock held by one owner alone with nobody
 * waiting is stored as just that owner: see {@link Stripe}). Guarded by its stripe's lock.
 *
 * <p>Grants follow arrival: a request is granted at once only when nobody waits, and waiters are
 * granted from the head of the queue while the head is compatible. The one exception is an
 * upgrade (a shared holder asking for exclusive), which goes ahead of the queue: the waiters
 * behind it wait for it anyway, as a holder.
 */
final class LockState {
    final long hash;
    LockOwner exclusive;
    private LockOwner[] shared = new LockOwner[0];
    private int sharedCount;
    final ArrayDeque<Waiter> queue = new ArrayDeque<>(4);

    LockState(long hash) {
        this.hash = hash;
    }

    boolean holds(LockOwner o, LockMode mode) {
        return exclusive == o || (mode == LockMode.SHARED && sharesWith(o));
    }

    boolean sharesWith(LockOwner o) {
        for (int i = 0; i < sharedCount; i++) {
            if (shared[i] == o) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code o} could hold it in {@code mode} beside the current holders. */
    boolean compatible(LockOwner o, LockMode mode) {
        if (exclusive != null) {
            return exclusive == o;
        }
        return mode == LockMode.SHARED || sharedCount == 0 || (sharedCount == 1 && shared[0] == o);
    }

    void grant(LockOwner o, LockMode mode) {
        if (mode == LockMode.EXCLUSIVE) {
            removeShared(o);
            exclusive = o;
        } else if (exclusive != o && !sharesWith(o)) {
            if (sharedCount == shared.length) {
                shared = Arrays.copyOf(shared, Math.max(2, sharedCount * 2));
            }
            shared[sharedCount++] = o;
        }
    }

    void release(LockOwner o) {
        if (exclusive == o) {
            exclusive = null;
        }
        removeShared(o);
    }

    private void removeShared(LockOwner o) {
        for (int i = 0; i < sharedCount; i++) {
            if (shared[i] == o) {
                shared[i] = shared[--sharedCount];
                shared[sharedCount] = null;
                return;
            }
        }
    }

    boolean unheld() {
        return exclusive == null && sharedCount == 0;
    }

    /** Grants waiters from the head while compatible; returns the threads to unpark. */
    void grantWaiters(List<Thread> wake) {
        while (!queue.isEmpty()) {
            Waiter w = queue.peekFirst();
            if (!compatible(w.owner, w.mode)) {
                return;
            }
            queue.pollFirst();
            grant(w.owner, w.mode);
            w.owner.waitingFor = null;
            w.granted = true;
            wake.add(w.thread);
        }
    }

    /** Who {@code w} waits for: every holder but its own owner, and every waiter ahead of it. */
    void blockers(Waiter w, List<LockOwner> out) {
        if (exclusive != null && exclusive != w.owner) {
            out.add(exclusive);
        }
        for (int i = 0; i < sharedCount; i++) {
            if (shared[i] != w.owner) {
                out.add(shared[i]);
            }
        }
        for (Waiter ahead : queue) {
            if (ahead == w) {
                return;
            }
            out.add(ahead.owner);
        }
    }

    String describeHolders() {
        if (exclusive != null) {
            return exclusive.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sharedCount; i++) {
            sb.append(i == 0 ? "" : ", ").append(shared[i]);
        }
        return sb.append(sharedCount == 1 ? " (shared)" : " (sharing it)").toString();
    }
}
