package dev.lightningdb.engine.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The wake-up cascade of committers a force covered: every one is woken, whoever helps or not. */
class CascadeTest {
    /** Threads that each wait until unparked, then (when {@code helpers}) help the cascade and leave. */
    private static List<Thread> sleepers(int n, CountDownLatch left, ParkedCommitters.Cascade[] cascade, boolean helpers) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                LockSupport.park();
                if (helpers) {
                    cascade[0].help();
                }
                left.countDown();
            });
            t.setDaemon(true);
            threads.add(t);
        }
        return threads;
    }

    private static void startParked(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
    }

    @Test
    void wokenCommittersWakeTheRest() throws Exception {
        int n = 40;
        CountDownLatch left = new CountDownLatch(n);
        ParkedCommitters.Cascade[] cascade = new ParkedCommitters.Cascade[1];
        List<Thread> threads = sleepers(n, left, cascade, true);
        cascade[0] = new ParkedCommitters.Cascade(threads);
        startParked(threads);
        cascade[0].help(); // the forcing thread wakes only the first few
        assertThat(left.await(30, TimeUnit.SECONDS)).as("every covered committer woke").isTrue();
    }

    @Test
    void finishWakesThoseNobodyWoke() throws Exception {
        int n = 12;
        CountDownLatch left = new CountDownLatch(n);
        ParkedCommitters.Cascade[] cascade = new ParkedCommitters.Cascade[1];
        List<Thread> threads = sleepers(n, left, cascade, false); // woken committers that do not help
        cascade[0] = new ParkedCommitters.Cascade(threads);
        startParked(threads);
        cascade[0].help();
        for (int i = 0; i < ParkedCommitters.Cascade.FAN_OUT; i++) {
            threads.get(i).join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(left.getCount()).isEqualTo(n - ParkedCommitters.Cascade.FAN_OUT);
        cascade[0].finish();
        assertThat(left.await(30, TimeUnit.SECONDS)).as("finish woke the rest").isTrue();
        cascade[0].finish(); // nothing left: a no-op
        cascade[0].help();
    }
}
