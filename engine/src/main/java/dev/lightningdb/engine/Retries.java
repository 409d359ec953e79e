package dev.lightningdb.engine;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.DeadlockException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retrying work that lost to another transaction ({@link ConflictException}, which includes
 * {@link DeadlockException}): for callers that run a whole transaction per attempt, such as
 * {@link LightningDb#inTransaction} and the SQL layer's auto-commit statements.
 *
 * <p>The pause before each retry is random, from zero up to a backoff that starts at
 * {@code retryBackoffInitial} and doubles (at least to a microsecond) up to
 * {@code retryBackoffMax}: transactions that collided once should not collide again on the same
 * schedule.
 */
public final class Retries {
    private Retries() {
    }

    /**
     * Runs {@code attempt}, and again while it throws {@link ConflictException}, up to
     * {@code config.transactionRetryLimit()} attempts in all, pausing before each retry (see the
     * class comment). Each attempt must start its own transaction: the one that conflicted is over.
     *
     * @return what the first attempt that did not conflict returned
     * @throws ConflictException the last attempt's, unchanged, when every attempt conflicted
     * @throws LightningDbException {@link ErrorCode#INTERRUPTED} when interrupted during a pause
     *         (the thread's interrupt status is kept); anything else an attempt throws, at once
     */
    public static <T> T onConflict(LightningDbConfig config, Supplier<T> attempt) {
        long backoffNanos = config.retryBackoffInitial().toNanos();
        long maxNanos = config.retryBackoffMax().toNanos();
        int limit = config.transactionRetryLimit();
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (ConflictException e) {
                if (attempts >= limit) {
                    throw e;
                }
                pause(ThreadLocalRandom.current().nextLong(backoffNanos + 1));
                backoffNanos = Math.min(maxNanos, Math.max(1000, backoffNanos * 2));
            }
        }
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightningDbException(ErrorCode.INTERRUPTED, "interrupted while backing off before a retry", e);
        }
    }
}
