package dev.lightningdb.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lightningdb.engine.common.ConflictException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.LightningDbConfig;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.common.LockMode;
import dev.lightningdb.engine.common.LockWait;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key locks between transactions, each transaction on a thread of its own so that a wait cannot hang the test. */
class KeyLocksTest {
    private static final byte[] K = "k".getBytes(UTF_8);
    private LightningDb db;

    @BeforeEach
    void open() {
        db = LightningDb.inMemory(LightningDbConfig.builder().lockTimeout(Duration.ofSeconds(30)).build());
        db.put(K, bytes(0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecondWriterWaitsForTheFirstAndThenReadsItsCommitUnderReadCommitted() throws Exception {
        Transaction first = db.begin(IsolationLevel.READ_COMMITTED);
        first.put(K, bytes(1));
        CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> {
            try (Transaction t = db.begin(IsolationLevel.READ_COMMITTED)) {
                byte[] seen = t.getForUpdate(K);
                t.put(K, bytes(number(seen) + 10));
                t.commit();
                return seen;
            }
        });
        awaitWaiters(db, 1);
        assertFalse(second.isDone());
        first.commit();
        assertEquals(1, number(second.get(10, TimeUnit.SECONDS)));
        assertEquals(11, number(db.get(K)));
    }

    @Test
    void aSnapshotWriterWaitsAndThenLosesToTheCommitOrGoesOnAfterARollback() throws Exception {
        for (boolean firstCommits : new boolean[] {true, false}) {
            Transaction first = db.begin(IsolationLevel.READ_COMMITTED);
            first.put(K, bytes(5));
            Transaction snapshot = db.begin(IsolationLevel.SNAPSHOT);
            snapshot.get(K); // the snapshot is taken before the first transaction ends
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> snapshot.put(K, bytes(6)));
            awaitWaiters(db, 1);
            if (firstCommits) {
                first.commit();
                Exception e = assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof ConflictException, String.valueOf(e.getCause()));
                assertFalse(snapshot.isOpen(), "a conflict at the write rolls the transaction back");
                assertEquals(5, number(db.get(K)));
            } else {
                first.rollback();
                second.get(10, TimeUnit.SECONDS);
                snapshot.commit();
                assertEquals(6, number(db.get(K)));
            }
        }
    }

    @Test
    void nowaitAndATimeoutFailTheCallOnlyAndTheTransactionGoesOn() throws Exception {
        Transaction holder = db.begin();
        holder.put(K, bytes(1));
        CompletableFuture.runAsync(() -> {
            try (Transaction t = db.begin()) {
                t.put("other".getBytes(UTF_8), bytes(2));
                LightningDbException e = assertThrows(LightningDbException.class, () -> t.lock(K, LockMode.EXCLUSIVE, LockWait.NOWAIT));
                assertEquals(ErrorCode.LOCK_NOT_AVAILABLE, e.code());
                assertTrue(e.getMessage().contains("NOWAIT") && e.getMessage().contains("held by transaction "), e.getMessage());
                t.setLockTimeout(Duration.ofMillis(50));
                e = assertThrows(LightningDbException.class, () -> t.put(K, bytes(3)));
                assertEquals(ErrorCode.LOCK_NOT_AVAILABLE, e.code());
                assertTrue(e.getMessage().contains("lock timeout of 50 ms"), e.getMessage());
                assertFalse(t.lock(K, LockMode.SHARED, LockWait.SKIP_LOCKED));
                assertTrue(t.isOpen());
                t.commit();
            }
        }).get(10, TimeUnit.SECONDS);
        holder.commit();
        assertEquals(2, number(db.get("other".getBytes(UTF_8))));
        assertEquals(1, number(db.get(K)));
        assertEquals(1, db.stats().get("lock.timeouts"));
        assertEquals(1, db.stats().get("lock.refusedNowait"));
        assertEquals(1, db.stats().get("lock.skipped"));
        assertEquals(0, db.stats().get("lock.held"));
    }

    @Test
    void plainReadsNeverWaitAndSeeTheCommittedValue() throws Exception {
        Transaction holder = db.begin();
        holder.put(K, bytes(9));
        holder.lock("absent".getBytes(UTF_8), LockMode.EXCLUSIVE, LockWait.WAIT);
        CompletableFuture.runAsync(() -> {
            assertEquals(0, number(db.get(K)));
            try (Transaction t = db.begin(IsolationLevel.SERIALIZABLE)) {
                assertEquals(0, number(t.get(K)));
                assertNull(t.get("absent".getBytes(UTF_8)));
            }
        }).get(10, TimeUnit.SECONDS);
        holder.commit();
    }

    @Test
    void sharedLocksShareAndKeepWritersOut() throws Exception {
        Transaction a = db.begin();
        Transaction b = db.begin();
        assertTrue(a.lock(K, LockMode.SHARED, LockWait.NOWAIT));
        CompletableFuture.runAsync(() -> assertTrue(b.lock(K, LockMode.SHARED, LockWait.NOWAIT))).get(10, TimeUnit.SECONDS);
        AtomicBoolean wrote = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            db.put(K, bytes(7));
            wrote.set(true);
        });
        awaitWaiters(db, 1);
        a.commit();
        Thread.sleep(20);
        assertFalse(wrote.get(), "one sharer still holds it");
        b.rollback();
        writer.get(10, TimeUnit.SECONDS);
        assertEquals(7, number(db.get(K)));
    }

    @Test
    void rollingBackToASavepointReleasesTheLocksTakenAfterIt() throws Exception {
        byte[] early = "early".getBytes(UTF_8);
        Transaction t = db.begin();
        t.put(early, bytes(1));
        Transaction.Savepoint sp = t.savepoint();
        t.put(K, bytes(1));
        t.rollbackTo(sp);
        CompletableFuture.runAsync(() -> {
            try (Transaction other = db.begin()) {
                assertTrue(other.lock(K, LockMode.EXCLUSIVE, LockWait.NOWAIT), "released by the rollback to the savepoint");
                assertThrows(LightningDbException.class, () -> other.lock(early, LockMode.EXCLUSIVE, LockWait.NOWAIT));
            }
        }).get(10, TimeUnit.SECONDS);
        t.commit();
        assertEquals(0, number(db.get(K)));
    }

    @Test
    void aSingleWriteWaitsForTheTransactionThatHoldsItsKey() throws Exception {
        Transaction t = db.begin();
        byte[] v = t.getForUpdate(K);
        CompletableFuture<Void> blind = CompletableFuture.runAsync(() -> db.put(K, bytes(100)));
        awaitWaiters(db, 1);
        t.put(K, bytes(number(v) + 1));
        t.commit();
        blind.get(10, TimeUnit.SECONDS);
        assertArrayEquals(bytes(100), db.get(K), "the single write lands after the transaction, not inside it");
    }

    @Test
    void lockingReadsAreRefusedInAReadOnlyTransactionAndCheckTheirArguments() {
        try (Transaction t = db.begin(IsolationLevel.READ_COMMITTED, true)) {
            assertEquals(ErrorCode.READ_ONLY, assertThrows(LightningDbException.class, () -> t.getForUpdate(K)).code());
        }
        try (Transaction t = db.begin()) {
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(LightningDbException.class, () -> t.lock(K, null, LockWait.WAIT)).code());
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(LightningDbException.class, () -> t.lock(null, LockMode.SHARED, LockWait.WAIT)).code());
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(LightningDbException.class, () -> t.setLockTimeout(Duration.ofMillis(-1))).code());
        }
    }

    /** Waits until {@code n} lock requests are queued: the waiting thread has really arrived. */
    static void awaitWaiters(LightningDb db, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.stats().get("lock.waiting") < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no waiter arrived");
            }
            Thread.sleep(1);
        }
    }

    static byte[] bytes(long n) {
        return Long.toString(n).getBytes(UTF_8);
    }

    static long number(byte[] v) {
        return Long.parseLong(new String(v, UTF_8));
    }
}
