package dev.lightningdb.engine.lock;

import dev.lightningdb.engine.common.LockMode;

/** One queued request for a lock. Fields other than {@link #granted} are fixed or stripe-guarded. */
final class Waiter {
    final LockOwner owner;
    final LockMode mode;
    final Thread thread;
    final LockState state;
    /** Set (under the stripe lock) when the lock is granted; then the thread is unparked. */
    volatile boolean granted;

    Waiter(LockOwner owner, LockMode mode, LockState state) {
        this.owner = owner;
        this.mode = mode;
        this.thread = Thread.currentThread();
        this.state = state;
    }
}
