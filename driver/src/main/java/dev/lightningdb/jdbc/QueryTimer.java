package dev.lightningdb.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that enforces query timeouts for every statement of the driver. A timeout
 * only raises the statement's cancel flag; the running query notices it at its next row.
 */
final class QueryTimer {
    private static final ScheduledThreadPoolExecutor TIMER = create();

    private QueryTimer() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "lightning-query-timeout");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true); // disarmed timers must not pile up in the queue
        return t;
    }

    static ScheduledFuture<?> schedule(Runnable task, int seconds) {
        return TIMER.schedule(task, seconds, TimeUnit.SECONDS);
    }
}
