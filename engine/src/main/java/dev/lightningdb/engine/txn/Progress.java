package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * How far a background thread (the merger, the checkpointer) has answered numbered checkpoint
 * requests, the
 * failure it last met, and whether it is closing: the one place where a caller waits for an answer
 * ({@link #await}) and where the thread pauses before retrying a failure. Guarded by its owner's
 * lock, whose condition it signals and waits on; every method needs that lock held.
 *
 * <p>Invariants: {@link #answered} only grows. A waiter fails with the first failure recorded
 * after it began to wait rather than wait through retries that may never succeed, and with
 * {@code CLOSED} once closing. A success clears the failure, so that callers that check it (the
 * back-pressure wait) see the thread healthy again.
 */
final class Progress {
    private final Condition changed;
    private final String work;
    private long answered;
    private long failureCount;
    private RuntimeException failure;
    private boolean closing;

    /** @param work what the thread does, to name an {@link Error} it fails with ("merge") */
    Progress(Condition changed, String work) {
        this.changed = changed;
        this.work = work;
    }

    /** Waits until {@code request} is answered; throws on a failure meanwhile or when closing. */
    void await(long request) {
        long failuresBefore = failureCount;
        while (answered < request) {
            if (failureCount != failuresBefore) {
                throw new LightningDbException(ErrorCode.IO_ERROR, "checkpoint failed: " + failure.getMessage(), failure);
            }
            if (closing) {
                throw closed();
            }
            changed.awaitUninterruptibly();
        }
    }

    /** Requests up to {@code request} are answered; clears the failure and wakes waiters. */
    void answered(long request) {
        answered = Math.max(answered, request);
        failure = null;
        changed.signalAll();
    }

    long answered() {
        return answered;
    }

    /** Records a failure of the work (an {@link Error} as {@code IO_ERROR}) and wakes waiters. */
    void failed(Throwable e) {
        failure = e instanceof RuntimeException re ? re : new LightningDbException(ErrorCode.IO_ERROR, work + " failed: " + e, e);
        failureCount++;
        changed.signalAll();
    }

    /** The failure since the last success, or null. */
    RuntimeException failure() {
        return failure;
    }

    /**
     * Pauses the thread before a retry, unless closing (a signal ends the pause early); returns
     * false when it was interrupted, and should stop.
     */
    boolean pauseBeforeRetry(long millis) {
        if (closing) {
            return true;
        }
        try {
            changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** From now on waiters fail with {@code CLOSED}; wakes them and the thread. */
    void close() {
        closing = true;
        changed.signalAll();
    }

    boolean isClosing() {
        return closing;
    }

    LightningDbException closed() {
        return new LightningDbException(ErrorCode.CLOSED, "database is closing");
    }
}
