package dev.lightningdb.tck.isolation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.engine.LightningDb;
import dev.lightningdb.engine.Transaction;
import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.IsolationLevel;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.common.LightningDbConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bank: N accounts, transfer threads moving random amounts between random accounts in
 * transactions that read with {@code getForUpdate} (deadlocks, from locking in random order, are
 * retried by {@code inTransaction}), reader threads summing all
 * accounts at a snapshot. The sum must never change, and after the run it must be exact, the
 * integrity check clean, and the same after reopening. A small write buffer makes merges into
 * the tree happen throughout. Duration: {@code -Dlightning.bank.seconds} (3 by default, 60 in
 * the stress profile's test).
 */
class BankTransferTest {
    private static final int ACCOUNTS = 50;
    private static final long OPENING_BALANCE = 1_000;

    @TempDir
    Path dir;

    @Test
    void totalNeverChangesUnderConcurrentTransfers() throws Exception {
        run(Long.getLong("lightning.bank.seconds", 3));
    }

    @Test
    @Tag("stress")
    void stressTotalNeverChangesUnderConcurrentTransfers() throws Exception {
        run(Long.getLong("lightning.bank.seconds", 60));
    }

    private static byte[] account(int i) {
        return String.format("acct/%03d", i).getBytes(UTF_8);
    }

    private static long balance(byte[] v) {
        return Long.parseLong(new String(v, UTF_8));
    }

    private static long total(Transaction t) {
        long sum = 0;
        int n = 0;
        try (Cursor c = t.scan(KeyRange.prefix("acct/".getBytes(UTF_8)))) {
            while (c.next()) {
                sum += balance(c.value());
                n++;
            }
        }
        if (n != ACCOUNTS) {
            throw new AssertionError("saw " + n + " accounts, expected " + ACCOUNTS);
        }
        return sum;
    }

    private void run(long seconds) throws Exception {
        LightningDbConfig config = LightningDbConfig.builder().pageSize(4096).writeBufferSize(64 * 1024).transactionRetryLimit(1000).build();
        long expected = ACCOUNTS * OPENING_BALANCE;
        AtomicLong transfers = new AtomicLong();
        AtomicLong checks = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (LightningDb db = LightningDb.open(dir, config)) {
            try (Transaction t = db.begin()) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    t.put(account(i), Long.toString(OPENING_BALANCE).getBytes(UTF_8));
                }
                t.commit();
            }
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                threads.add(new Thread(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        int from = rnd.nextInt(ACCOUNTS);
                        int to = (from + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        long amount = rnd.nextLong(1, 50);
                        db.inTransaction(t -> {
                            // locking reads: under READ_COMMITTED a plain read then a write would lose updates
                            long a = balance(t.getForUpdate(account(from)));
                            long b = balance(t.getForUpdate(account(to)));
                            t.put(account(from), Long.toString(a - amount).getBytes(UTF_8));
                            t.put(account(to), Long.toString(b + amount).getBytes(UTF_8));
                            return null;
                        });
                        transfers.incrementAndGet();
                    }
                }, "transfer-" + w));
            }
            for (int r = 0; r < 2; r++) {
                threads.add(new Thread(() -> {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        try (Transaction t = db.begin(IsolationLevel.SNAPSHOT, true)) {
                            long sum = total(t);
                            if (sum != expected) {
                                throw new AssertionError("a snapshot saw a total of " + sum + ", expected " + expected);
                            }
                        }
                        checks.incrementAndGet();
                    }
                }, "auditor-" + r));
            }
            for (Thread t : threads) {
                t.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError("a worker failed", failure.get());
            }
            try (Transaction t = db.begin(IsolationLevel.SNAPSHOT, true)) {
                assertThat(total(t)).isEqualTo(expected);
            }
            db.checkpoint();
            assertThat(db.verifyIntegrity().problems()).isEmpty();
            System.out.printf("BankTransferTest: %d transfers, %d audits in %d s, %d conflicts retried, %d merges%n", transfers.get(),
                    checks.get(), seconds, db.stats().get("txn.conflicts"), db.stats().get("mvcc.merges"));
            assertThat(transfers.get()).isPositive();
            assertThat(checks.get()).isPositive();
        }
        try (LightningDb db = LightningDb.open(dir, config); Transaction t = db.begin(IsolationLevel.SNAPSHOT, true)) {
            assertThat(total(t)).isEqualTo(expected);
            assertThat(db.verifyIntegrity().problems()).isEmpty();
        }
    }
}
