package dev.lightningdb.tck.hikari;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP in front of one database: 16 threads share a pool of 10 and move money between accounts
 * in read/write transactions, retrying serialization failures (SQLState 40001) and deadlock victims
 * (40P01: the writers lock their two accounts in random order) for a bounded time.
 * Every committed transfer is remembered by the thread that made it; at the end the balances and
 * per-account transfer counters must be exactly what the committed transfers say (no lost update,
 * no phantom commit), the pool must close with no connection out, and the database must reopen
 * with the same data and a clean integrity check.
 *
 * <p>Half the threads read balances and write computed values under REPEATABLE_READ (snapshot), the
 * classic lost-update shape; the other half use relative updates ({@code balance = balance - ?}) under
 * the default READ_COMMITTED. Two more threads check, in single read-only statements, that the total
 * never changes. The workload runs {@code lightning.tck.hikari.millis} ms (default 3000).
 *
 * <p>Writers of an account wait for each other (row locks); under REPEATABLE_READ the one that
 * waited for a commit of the account gets SQLState 40001 (first committer wins) and retries.
 */
class HikariTransfersTest {
    private static final int ACCOUNTS = 20;
    private static final long INITIAL = 1_000;
    private static final int THREADS = 16;
    private static final int AUDITORS = 2;
    private static final int POOL = 10;
    private static final int MAX_ATTEMPTS = 200;

    @TempDir
    Path dir;

    /** A transfer that committed. */
    private record Transfer(int from, int to, long amount) {
    }

    /** What one worker did. */
    private record Work(List<Transfer> committed, int retries, int gaveUp) {
    }

    @Test
    void concurrentTransfersThroughThePoolLoseNothingAndTheDatabaseReopensClean() throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("bank");
        CountingDataSource physical = new CountingDataSource(url);
        HikariConfig config = new HikariConfig();
        config.setDataSource(physical);
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(POOL);
        config.setConnectionTimeout(30_000);
        config.setLeakDetectionThreshold(10_000); // a connection held this long is reported as leaked
        config.setPoolName("lightning-transfers");
        // no connectionTestQuery: Hikari then validates connections with Connection.isValid

        List<Work> results = new ArrayList<>();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            createAccounts(pool);
            long millis = Long.getLong("lightning.tck.hikari.millis", 3_000);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            ExecutorService auditors = Executors.newFixedThreadPool(AUDITORS);
            try {
                List<Future<Work>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int worker = t;
                    futures.add(threads.submit(() -> work(pool, worker, deadline)));
                }
                List<Future<Integer>> audits = new ArrayList<>();
                for (int t = 0; t < AUDITORS; t++) {
                    audits.add(auditors.submit(() -> audit(pool, deadline)));
                }
                for (Future<Work> f : futures) {
                    results.add(f.get(millis + 60_000, TimeUnit.MILLISECONDS));
                }
                for (Future<Integer> f : audits) {
                    assertThat(f.get(millis + 60_000, TimeUnit.MILLISECONDS)).as("audits made").isPositive();
                }
            } finally {
                threads.shutdownNow();
                auditors.shutdownNow();
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections still out").isZero();
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(POOL);

            // Hikari skips validation for a connection used in the last 500 ms; after an idle pause it
            // must ask isValid before handing one out.
            int validationsBefore = physical.isValidCalls.get();
            Thread.sleep(700);
            try (Connection c = pool.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(physical.isValidCalls.get()).as("isValid calls by the pool").isGreaterThan(validationsBefore + 1);

            assertMatchesCommittedTransfers(pool.getConnection(), results);
        }
        assertThat(physical.opened.get()).isGreaterThanOrEqualTo(POOL);

        long committed = results.stream().mapToLong(w -> w.committed().size()).sum();
        System.out.printf("HikariTransfersTest: %d transfers committed, %d serialization failures retried, %d given up%n", committed,
                results.stream().mapToInt(Work::retries).sum(), results.stream().mapToInt(Work::gaveUp).sum());
        assertThat(committed).as("committed transfers").isPositive();

        // every pooled connection is closed now, so the engine has been shut down; open it afresh
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("VERIFY INTEGRITY")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("OK");
        }
        assertMatchesCommittedTransfers(DriverManager.getConnection(url), results);
    }

    private static void createAccounts(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE account (id INT PRIMARY KEY, balance BIGINT NOT NULL, transfers INT NOT NULL)");
            for (int i = 0; i < ACCOUNTS; i++) {
                s.executeUpdate("INSERT INTO account VALUES (" + i + ", " + INITIAL + ", 0)");
            }
        }
    }

    /** Sums all balances in one statement (one scan sees whole commits) until the deadline; returns the count. */
    private static int audit(HikariDataSource pool, long deadline) throws SQLException {
        int audits = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SUM(balance), COUNT(*) FROM account")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("total seen by a reader").isEqualTo(ACCOUNTS * INITIAL);
                assertThat(rs.getInt(2)).isEqualTo(ACCOUNTS);
                audits++;
            }
        }
        return audits;
    }

    private static Work work(HikariDataSource pool, int worker, long deadline) throws SQLException {
        SplittableRandom random = new SplittableRandom(worker * 7919L + 1);
        boolean snapshot = worker % 2 == 0;
        List<Transfer> committed = new ArrayList<>();
        int retries = 0;
        int gaveUp = 0;
        while (System.nanoTime() < deadline) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long amount = 1 + random.nextInt(50);
            boolean done = false;
            for (int attempt = 0; attempt < MAX_ATTEMPTS && !done; attempt++) {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(snapshot ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
                    try {
                        boolean moved = snapshot ? readModifyWrite(c, from, to, amount) : relativeUpdate(c, from, to, amount);
                        if (moved) {
                            c.commit();
                            committed.add(new Transfer(from, to, amount));
                        } else {
                            c.rollback();
                        }
                        done = true;
                    } catch (SQLException e) {
                        c.rollback();
                        if (!"40001".equals(e.getSQLState()) && !"40P01".equals(e.getSQLState())) {
                            throw e;
                        }
                        retries++;
                        Thread.onSpinWait();
                    }
                }
            }
            if (!done) {
                gaveUp++;
            }
        }
        return new Work(committed, retries, gaveUp);
    }

    /** Reads both balances in the snapshot and writes computed values: a lost update if conflicts went unseen. */
    private static boolean readModifyWrite(Connection c, int from, int to, long amount) throws SQLException {
        long[] fromRow = read(c, from);
        long[] toRow = read(c, to);
        if (fromRow[0] < amount) {
            return false;
        }
        write(c, from, fromRow[0] - amount, fromRow[1] + 1);
        write(c, to, toRow[0] + amount, toRow[1] + 1);
        return true;
    }

    private static boolean relativeUpdate(Connection c, int from, int to, long amount) throws SQLException {
        try (PreparedStatement debit = c.prepareStatement(
                "UPDATE account SET balance = balance - ?, transfers = transfers + 1 WHERE id = ? AND balance >= ?");
             PreparedStatement credit = c.prepareStatement(
                     "UPDATE account SET balance = balance + ?, transfers = transfers + 1 WHERE id = ?")) {
            debit.setLong(1, amount);
            debit.setInt(2, from);
            debit.setLong(3, amount);
            if (debit.executeUpdate() == 0) {
                return false;
            }
            credit.setLong(1, amount);
            credit.setInt(2, to);
            assertThat(credit.executeUpdate()).isEqualTo(1);
            return true;
        }
    }

    private static long[] read(Connection c, int id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT balance, transfers FROM account WHERE id = ?")) {
            q.setInt(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static void write(Connection c, int id, long balance, long transfers) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE account SET balance = ?, transfers = ? WHERE id = ?")) {
            u.setLong(1, balance);
            u.setLong(2, transfers);
            u.setInt(3, id);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }

    private static void assertMatchesCommittedTransfers(Connection connection, List<Work> results)
            throws SQLException {
        long[] balance = new long[ACCOUNTS];
        long[] transfers = new long[ACCOUNTS];
        Arrays.fill(balance, INITIAL);
        for (Work w : results) {
            for (Transfer t : w.committed()) {
                balance[t.from()] -= t.amount();
                balance[t.to()] += t.amount();
                transfers[t.from()]++;
                transfers[t.to()]++;
            }
        }
        try (Connection c = connection; Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, balance, transfers FROM account ORDER BY id")) {
            long total = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(i);
                assertThat(rs.getLong(2)).as("balance of account %d", i).isEqualTo(balance[i]);
                assertThat(rs.getLong(3)).as("transfers of account %d", i).isEqualTo(transfers[i]);
                total += rs.getLong(2);
            }
            assertThat(rs.next()).isFalse();
            assertThat(total).isEqualTo(ACCOUNTS * INITIAL);
        }
    }
}
