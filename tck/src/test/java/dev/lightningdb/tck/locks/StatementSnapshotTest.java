package dev.lightningdb.tck.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under READ COMMITTED each statement reads one snapshot: a SUM over accounts, and a join of the
 * accounts with themselves, run beside concurrent transfers never see half of a transfer, though
 * consecutive statements of one transaction may see different totals' worth of transfers.
 */
class StatementSnapshotTest {
    private static final int ACCOUNTS = 2_000;
    private static final long INITIAL = 100;

    @TempDir
    Path dir;

    @Test
    void aSumAndAJoinBesideTransfersNeverSeeAPartialTransfer() throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("bank");
        try (Connection setup = DriverManager.getConnection(url)) {
            try (Statement s = setup.createStatement()) {
                s.execute("CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
            }
            setup.setAutoCommit(false);
            try (PreparedStatement p = setup.prepareStatement("INSERT INTO accounts VALUES (?, ?)")) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    p.setInt(1, i);
                    p.setLong(2, INITIAL);
                    p.addBatch();
                }
                p.executeBatch();
            }
            setup.commit();
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger transfers = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> movers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            long seed = t;
            movers.add(new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement move = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        // the two ends far apart, so that a scan meets them at different times
                        int from = r.nextInt(ACCOUNTS / 2);
                        int to = ACCOUNTS / 2 + r.nextInt(ACCOUNTS / 2);
                        long amount = 1 + r.nextInt(50);
                        move.setLong(1, -amount);
                        move.setInt(2, from);
                        move.executeUpdate();
                        move.setLong(1, amount);
                        move.setInt(2, to);
                        move.executeUpdate();
                        c.commit();
                        transfers.incrementAndGet();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        movers.forEach(Thread::start);
        long total = ACCOUNTS * INITIAL;
        int statements = 0;
        try (Connection auto = DriverManager.getConnection(url); Connection manual = DriverManager.getConnection(url)) {
            manual.setAutoCommit(false);
            manual.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            while (transfers.get() < 300 || statements < 40) {
                for (Connection c : List.of(auto, manual)) {
                    assertThat(one(c, "SELECT SUM(balance) FROM accounts")).as("sum, statement " + statements).isEqualTo(total);
                    assertThat(one(c, "SELECT SUM(a.balance) FROM accounts a JOIN accounts b ON a.id = b.id"))
                            .as("join, statement " + statements).isEqualTo(total);
                    statements++;
                }
                manual.commit();
            }
        } finally {
            stop.set(true);
            for (Thread m : movers) {
                m.join();
            }
        }
        assertThat(failures).isEmpty();
        System.out.printf("%d statements read a whole state beside %d transfers%n", statements, transfers.get());
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
