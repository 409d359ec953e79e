package dev.lightningdb.engine.lock;

import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a {@link LockTable}. Wait times go into power-of-two buckets of microseconds, so the
 * percentiles reported are upper bounds within a factor of two; the maximum is exact.
 */
final class LockStats {
    private static final int BUCKETS = 40;
    final LongAdder skipped = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder deadlocks = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAccumulator maxWaitNanos = new LongAccumulator(Math::max, 0);
    private final LongAdder[] buckets = new LongAdder[BUCKETS];

    LockStats() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void waited(long nanos) {
        waits.increment();
        waitNanos.add(nanos);
        maxWaitNanos.accumulate(nanos);
        long micros = Math.max(1, nanos / 1000);
        buckets[Math.min(BUCKETS - 1, 63 - Long.numberOfLeadingZeros(micros))].increment();
    }

    void addTo(Map<String, Long> m) {
        long n = waits.sum();
        m.put("lock.waits", n);
        m.put("lock.waitMicrosTotal", waitNanos.sum() / 1000);
        m.put("lock.waitMicrosMax", maxWaitNanos.get() / 1000);
        m.put("lock.waitMicrosP50", percentile(n, 0.50));
        m.put("lock.waitMicrosP99", percentile(n, 0.99));
        m.put("lock.timeouts", timeouts.sum());
        m.put("lock.refusedNowait", refused.sum());
        m.put("lock.skipped", skipped.sum());
        m.put("lock.deadlocks", deadlocks.sum());
    }

    /** The upper bound of the bucket holding the {@code q} quantile, in microseconds; 0 without waits. */
    private long percentile(long n, double q) {
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(n * q);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += buckets[i].sum();
            if (seen >= rank) {
                return 2L << i;
            }
        }
        return maxWaitNanos.get() / 1000;
    }
}
