package dev.lightningdb.engine.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wake-up cascade of the waiters an advance of a {@link ParkingLot} covered: every one is woken, whoever helps when. */
class CascadeTest {
    /**
     * Threads that each list a wait for position 1, in order, then (unless {@code holdBack} stops
     * them first) park until it is reached, and leave.
     */
    private static List<Thread> waiters(ParkingLot lot, int n, CountDownLatch left, CountDownLatch holdBack, int heldBack)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean held = i < heldBack;
            CountDownLatch listed = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                ParkingLot.Waiter w = lot.waiter(1);
                lot.add(w);
                listed.countDown();
                try {
                    if (held) {
                        holdBack.await(); // not parked in the lot when the cascade unparks it
                    }
                    while (lot.reached() < 1) {
                        lot.park(w, 0);
                    }
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lot.leave(w);
                }
                left.countDown();
            });
            t.setDaemon(true);
            t.start();
            listed.await();
            threads.add(t);
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        return threads;
    }

    @Test
    void wokenWaitersWakeTheRest() throws Exception {
        int n = 40;
        ParkingLot lot = new ParkingLot(0);
        CountDownLatch left = new CountDownLatch(n);
        waiters(lot, n, left, new CountDownLatch(0), 0);
        lot.advance(1).start(); // the waker unparks only the first few
        assertThat(left.await(30, TimeUnit.SECONDS)).as("every covered waiter woke").isTrue();
        assertThat(lot.isEmpty()).isTrue();
    }

    @Test
    void waitersThatWereNotParkedWakeTheRestWhenTheyLeave() throws Exception {
        int n = 12;
        ParkingLot lot = new ParkingLot(0);
        CountDownLatch left = new CountDownLatch(n);
        CountDownLatch holdBack = new CountDownLatch(1);
        waiters(lot, n, left, holdBack, ParkingLot.FAN_OUT); // the first the waker unparks are busy elsewhere
        lot.advance(1).start();
        Thread.sleep(200);
        assertThat(left.getCount()).as("nobody but the held-back can wake the rest").isEqualTo(n);
        holdBack.countDown();
        assertThat(left.await(30, TimeUnit.SECONDS)).as("leaving, the held-back woke the rest").isTrue();
    }

    @Test
    void wakeFirstNudgesTheLowestPositionNotReached() throws Exception {
        ParkingLot lot = new ParkingLot(5);
        CountDownLatch woke = new CountDownLatch(1);
        ParkingLot.Waiter[] low = new ParkingLot.Waiter[1];
        Thread t = new Thread(() -> {
            low[0] = lot.waiter(6);
            lot.add(low[0]);
            lot.park(low[0], 0);
            woke.countDown();
        });
        t.setDaemon(true);
        t.start();
        while (t.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        ParkingLot.Waiter high = lot.waiter(9);
        lot.add(high);
        lot.wakeFirst();
        assertThat(woke.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lot.reached()).isEqualTo(5);
        lot.leave(high);
        assertThat(lot.isEmpty()).as("the nudged waiter left the lot; the other left it itself").isTrue();
    }
}
