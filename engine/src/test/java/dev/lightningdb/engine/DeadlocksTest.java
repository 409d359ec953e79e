package dev.lightningdb.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.DeadlockException;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.LightningDbConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deadlocks are found when the cycle forms, not by timeout: the lock timeout here is a minute, and
 * every transaction runs on its own thread.
 */
class DeadlocksTest {
    private LightningDb db;

    @BeforeEach
    void open() {
        db = LightningDb.inMemory(LightningDbConfig.builder().lockTimeout(Duration.ofSeconds(60)).build());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Transaction i locks key i, then (once all hold theirs) key i+1 mod n: a cycle of n. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aCycleHasExactlyOneVictimAndTheOthersCommit(int n) throws Exception {
        CyclicBarrier allHoldOne = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        AtomicLong victimWaitNanos = new AtomicLong();
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int me = i;
                outcomes.add(pool.submit(() -> {
                    Transaction t = db.begin();
                    t.put(key(me), KeyLocksTest.bytes(me));
                    allHoldOne.await(10, TimeUnit.SECONDS);
                    long start = System.nanoTime();
                    try {
                        t.put(key((me + 1) % n), KeyLocksTest.bytes(me));
                        t.commit();
                        return "committed";
                    } catch (DeadlockException e) {
                        victimWaitNanos.set(System.nanoTime() - start);
                        assertTrue(!t.isOpen(), "the victim is rolled back");
                        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
                        return "victim";
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS)); // far below the lock timeout
            }
            assertEquals(1, Collections.frequency(results, "victim"), results.toString());
            assertEquals(n - 1, Collections.frequency(results, "committed"), results.toString());
            assertEquals(1, db.stats().get("lock.deadlocks"));
            System.out.printf("deadlock of %d found %.2f ms after the victim's wait began%n", n, victimWaitNanos.get() / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void grantsFollowArrivalOnAHotKey() throws Exception {
        int threads = 32;
        byte[] hot = key(0);
        Transaction holder = db.begin();
        holder.put(hot, KeyLocksTest.bytes(-1));
        List<Integer> grantOrder = Collections.synchronizedList(new ArrayList<>());
        AtomicLong longestWait = new AtomicLong();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int me = i;
            Thread th = new Thread(() -> {
                long begun = System.nanoTime();
                try (Transaction t = db.begin()) {
                    t.put(hot, KeyLocksTest.bytes(me));
                    grantOrder.add(me);
                    longestWait.accumulateAndGet(System.nanoTime() - begun, Math::max);
                    t.commit();
                }
            });
            th.start();
            started.add(th);
            KeyLocksTest.awaitWaiters(db, i + 1); // thread i has queued before thread i+1 starts
        }
        holder.commit();
        for (Thread th : started) {
            th.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<Integer> arrival = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            arrival.add(i);
        }
        assertEquals(arrival, grantOrder);
        System.out.printf("32 writers on one key: longest wait %.1f ms, stats p99 %d us%n", longestWait.get() / 1e6,
                db.stats().get("lock.waitMicrosP99"));
    }

    /**
     * Threads move units between random accounts, locking them in random order, so deadlocks form
     * all the time: every transaction commits or is a victim, nothing hangs, and the total is kept.
     */
    @Test
    void randomDeadlocksNeitherHangNorLoseAUnit() throws Exception {
        long seconds = Boolean.getBoolean("lightning.stress") ? 180 : 3;
        int threads = 8;
        int accounts = 12;
        for (int a = 0; a < accounts; a++) {
            db.put(key(a), KeyLocksTest.bytes(1000));
        }
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger victims = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            long seed = i;
            Thread th = new Thread(() -> {
                Random r = new Random(seed);
                try {
                    while (System.nanoTime() < end) {
                        try (Transaction t = db.begin(r.nextBoolean() ? IsolationLevel.READ_COMMITTED : IsolationLevel.SNAPSHOT)) {
                            int moves = 1 + r.nextInt(3);
                            for (int m = 0; m < moves; m++) {
                                byte[] from = key(r.nextInt(accounts));
                                byte[] to = key(r.nextInt(accounts));
                                long f = KeyLocksTest.number(t.getForUpdate(from));
                                t.put(from, KeyLocksTest.bytes(f - 1));
                                long g = KeyLocksTest.number(t.getForUpdate(to));
                                t.put(to, KeyLocksTest.bytes(g + 1));
                            }
                            t.commit();
                            commits.incrementAndGet();
                        } catch (DeadlockException e) {
                            victims.incrementAndGet();
                        } catch (ConflictException e) {
                            // SNAPSHOT: first committer wins, found at the lock
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            });
            th.start();
        }
        assertTrue(done.await(seconds + 60, TimeUnit.SECONDS), "a transaction hangs");
        assertTrue(failures.isEmpty(), failures.toString());
        long total = 0;
        for (int a = 0; a < accounts; a++) {
            total += KeyLocksTest.number(db.get(key(a)));
        }
        assertEquals(1000L * accounts, total);
        assertEquals(0, db.stats().get("lock.held"));
        assertTrue(commits.get() > 0);
        System.out.printf("random deadlocks: %d commits, %d victims in %d s%n", commits.get(), victims.get(), seconds);
    }

    static byte[] key(int i) {
        return ("account-" + i).getBytes(UTF_8);
    }
}
