package dev.lightningdb.tck.locks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Spring application with {@code @Transactional} methods at the default isolation does:
 * 8 pooled connections, each 500 transactions adding 1 to two of 10 shared rows. Under READ
 * COMMITTED writers of a row wait for each other and then update the newest version, as in H2 and
 * PostgreSQL: no error at all, and the totals are exact. The rows are taken in ascending order, so
 * no two transactions wait for each other in a cycle.
 */
class PooledCountersTest {
    private static final int ROWS = 10;
    private static final int THREADS = 8;
    private static final int TRANSACTIONS = 500;

    @TempDir
    Path dir;

    /** How one transaction increments row {@code a} and then row {@code b}. */
    private interface Increment {
        void run(Connection c, int a, int b) throws SQLException;
    }

    @Test
    void readCommittedIncrementsWaitAndNeverFail() throws Exception {
        assertExactTotalsWithoutErrors(Connection.TRANSACTION_READ_COMMITTED, (c, a, b) -> {
            try (PreparedStatement inc = c.prepareStatement("UPDATE counters SET n = n + 1 WHERE id = ?")) {
                for (int id : new int[] {a, b}) {
                    inc.setInt(1, id);
                    assertThat(inc.executeUpdate()).isEqualTo(1);
                }
            }
        });
    }

    /** The JPA pessimistic pattern: read the value FOR UPDATE, compute in Java, write it back. */
    @Test
    void selectForUpdateThenUpdateLosesNoIncrement() throws Exception {
        assertExactTotalsWithoutErrors(Connection.TRANSACTION_READ_COMMITTED, (c, a, b) -> {
            try (PreparedStatement read = c.prepareStatement("SELECT n FROM counters WHERE id = ? FOR UPDATE");
                 PreparedStatement write = c.prepareStatement("UPDATE counters SET n = ? WHERE id = ?")) {
                for (int id : new int[] {a, b}) {
                    read.setInt(1, id);
                    long n;
                    try (ResultSet rs = read.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        n = rs.getLong(1);
                    }
                    write.setLong(1, n + 1);
                    write.setInt(2, id);
                    assertThat(write.executeUpdate()).isEqualTo(1);
                }
            }
        });
    }

    /**
     * Under SNAPSHOT (JDBC REPEATABLE READ) the first committer wins: a writer that waited for a
     * row changed since its snapshot fails with 40001, and retrying keeps the totals exact.
     */
    @Test
    void snapshotIncrementsFailWith40001AndRetriedTotalsAreExact() throws Exception {
        try (HikariDataSource pool = pool()) {
            create(pool);
            AtomicLongArray expected = new AtomicLongArray(ROWS);
            List<Future<Integer>> retries = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                for (int t = 0; t < THREADS; t++) {
                    long seed = t;
                    retries.add(threads.submit(() -> {
                        SplittableRandom r = new SplittableRandom(seed);
                        int failures = 0;
                        try (Connection c = pool.getConnection()) {
                            c.setAutoCommit(false);
                            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                            for (int i = 0; i < TRANSACTIONS; i++) {
                                int[] pair = pair(r);
                                while (true) {
                                    try (PreparedStatement inc = c.prepareStatement("UPDATE counters SET n = n + 1 WHERE id = ?")) {
                                        for (int id : pair) {
                                            inc.setInt(1, id);
                                            inc.executeUpdate();
                                        }
                                        c.commit();
                                        break;
                                    } catch (SQLException e) {
                                        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("40001");
                                        c.rollback();
                                        failures++;
                                    }
                                }
                                expected.incrementAndGet(pair[0]);
                                expected.incrementAndGet(pair[1]);
                            }
                        }
                        return failures;
                    }));
                }
                int failed = 0;
                for (Future<Integer> f : retries) {
                    failed += f.get(5, TimeUnit.MINUTES);
                }
                assertThat(failed).as("serialization failures under SNAPSHOT").isPositive();
                assertTotals(pool, expected);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private void assertExactTotalsWithoutErrors(int isolation, Increment increment) throws Exception {
        try (HikariDataSource pool = pool()) {
            create(pool);
            AtomicLongArray expected = new AtomicLongArray(ROWS);
            List<Future<?>> done = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                for (int t = 0; t < THREADS; t++) {
                    long seed = t;
                    done.add(threads.submit(() -> {
                        SplittableRandom r = new SplittableRandom(seed);
                        try (Connection c = pool.getConnection()) {
                            c.setAutoCommit(false);
                            c.setTransactionIsolation(isolation);
                            for (int i = 0; i < TRANSACTIONS; i++) {
                                int[] pair = pair(r);
                                increment.run(c, pair[0], pair[1]); // any SQLException fails the test
                                c.commit();
                                expected.incrementAndGet(pair[0]);
                                expected.incrementAndGet(pair[1]);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
                assertTotals(pool, expected);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** Two different rows, ascending. */
    private static int[] pair(SplittableRandom r) {
        int a = r.nextInt(ROWS);
        int b = r.nextInt(ROWS - 1);
        b = b >= a ? b + 1 : b;
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:lightning:" + dir.resolve("counters"));
        config.setMaximumPoolSize(THREADS);
        config.setPoolName("lightning-counters");
        return new HikariDataSource(config);
    }

    private static void create(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS counters");
            s.execute("CREATE TABLE counters (id INT PRIMARY KEY, n BIGINT NOT NULL)");
            for (int i = 0; i < ROWS; i++) {
                s.execute("INSERT INTO counters VALUES (" + i + ", 0)");
            }
        }
    }

    private static void assertTotals(HikariDataSource pool, AtomicLongArray expected) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, n FROM counters ORDER BY id")) {
            long total = 0;
            for (int i = 0; i < ROWS; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(2)).as("row " + i).isEqualTo(expected.get(i));
                total += rs.getLong(2);
            }
            assertThat(total).isEqualTo(2L * THREADS * TRANSACTIONS);
        }
    }
}
