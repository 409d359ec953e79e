package dev.lightningdb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.DeadlockException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Retries#onConflict}: how often it tries, what it throws, and an interrupted pause. */
class RetriesTest {
    private static LightningDbConfig config(int attempts, Duration backoff) {
        return LightningDbConfig.builder().transactionRetryLimit(attempts).retryBackoffInitial(backoff).retryBackoffMax(backoff).build();
    }

    @Test
    void retriesConflictsUntilAnAttemptSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = Retries.onConflict(config(5, Duration.ofNanos(1000)), () -> {
            if (calls.incrementAndGet() < 3) {
                throw calls.get() == 1 ? new ConflictException("lost") : new DeadlockException("victim");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLimitWithTheLastConflictUnchanged() {
        AtomicInteger calls = new AtomicInteger();
        ConflictException last = new ConflictException("the last one");
        assertThatThrownBy(() -> Retries.onConflict(config(4, Duration.ofNanos(1000)), () -> {
            throw calls.incrementAndGet() == 4 ? last : new ConflictException("an earlier one");
        })).isSameAs(last);
        assertThat(calls).hasValue(4);
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Retries.onConflict(config(5, Duration.ofNanos(1000)), () -> {
            calls.incrementAndGet();
            throw new LightningDbException(ErrorCode.IO_ERROR, "disk");
        })).isInstanceOfSatisfying(LightningDbException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(calls).hasValue(1);
    }

    @Test
    void anInterruptedPauseFailsWithInterruptedAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Retries.onConflict(config(5, Duration.ofSeconds(10)), () -> {
                throw new ConflictException("lost");
            })).isInstanceOfSatisfying(LightningDbException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
