package dev.lightningdb.tck.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SELECT ... FOR UPDATE and its wait policies through JDBC and HikariCP; each transaction on a thread of its own. */
class LockingReadsTest {
    @TempDir
    Path dir;

    /** Workers claim jobs with FOR UPDATE SKIP LOCKED LIMIT 1: every job is done exactly once. */
    @Test
    void aJobQueueWithSkipLockedProcessesEveryJobExactlyOnce() throws Exception {
        int jobs = 300;
        int workers = 6;
        try (HikariDataSource pool = pool("queue", workers, "")) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE jobs (id INT PRIMARY KEY, done BOOLEAN NOT NULL, worker INT)");
                for (int i = 0; i < jobs; i++) {
                    s.execute("INSERT INTO jobs VALUES (" + i + ", FALSE, NULL)");
                }
            }
            ConcurrentHashMap<Integer, Integer> claims = new ConcurrentHashMap<>();
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int me = w;
                done.add(threads.submit(() -> {
                    int mine = 0;
                    try (Connection c = pool.getConnection();
                         PreparedStatement claim = c.prepareStatement(
                                 "SELECT id FROM jobs WHERE done = FALSE ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1");
                         PreparedStatement finish = c.prepareStatement("UPDATE jobs SET done = TRUE, worker = ? WHERE id = ?")) {
                        c.setAutoCommit(false);
                        while (true) {
                            int id;
                            try (ResultSet rs = claim.executeQuery()) {
                                if (!rs.next()) {
                                    c.commit();
                                    return mine;
                                }
                                id = rs.getInt(1);
                            }
                            claims.merge(id, 1, Integer::sum);
                            finish.setInt(1, me);
                            finish.setInt(2, id);
                            assertThat(finish.executeUpdate()).isEqualTo(1);
                            c.commit();
                            mine++;
                        }
                    }
                }));
            }
            int total = 0;
            List<Integer> perWorker = new ArrayList<>();
            for (Future<Integer> f : done) {
                int n = f.get(2, TimeUnit.MINUTES);
                perWorker.add(n);
                total += n;
            }
            threads.shutdownNow();
            assertThat(total).isEqualTo(jobs);
            assertThat(claims).hasSize(jobs);
            assertThat(claims.values()).allMatch(n -> n == 1);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM jobs WHERE done = TRUE AND worker IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(jobs);
            }
            System.out.println("job queue: jobs per worker " + perWorker);
        }
    }

    /**
     * NOWAIT and the lock timeout fail the statement with 55P03 naming the table; the transaction
     * goes on and commits, and the pool keeps the connection (no new physical connection opened).
     */
    @Test
    void nowaitAndLockTimeoutGive55P03AndThePooledConnectionAndTransactionSurvive() throws Exception {
        try (HikariDataSource pool = pool("nowait", 2, "?lockTimeout=200ms")) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL)");
                s.execute("INSERT INTO acct VALUES (1, 100), (2, 200)");
            }
            Connection holder = pool.getConnection();
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT balance FROM acct WHERE id = 1 FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
            }
            CompletableFuture.runAsync(() -> {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE acct SET balance = balance + 1 WHERE id = 2");
                        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM acct WHERE id = 1 FOR UPDATE NOWAIT"))
                                .isInstanceOfSatisfying(SQLException.class, e -> {
                                    assertThat(e.getSQLState()).isEqualTo("55P03");
                                    // the statement was rolled back, not the transaction (as MySQL's lock wait timeout):
                                    // the class Spring's default translation reads as a pessimistic locking failure
                                    assertThat((Throwable) e).isInstanceOf(SQLTransactionRollbackException.class);
                                    assertThat(e.getMessage()).contains("ACCT");
                                });
                        assertThatThrownBy(() -> s.executeUpdate("UPDATE acct SET balance = 0 WHERE id = 1"))
                                .isInstanceOfSatisfying(SQLException.class, e -> {
                                    assertThat(e.getSQLState()).isEqualTo("55P03");
                                    assertThat(e.getMessage()).contains("lock timeout");
                                });
                        try (ResultSet rs = s.executeQuery("SELECT balance FROM acct WHERE id = 2")) {
                            rs.next();
                            assertThat(rs.getInt(1)).isEqualTo(201); // its own earlier write is still there
                        }
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            holder.commit();
            holder.close();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, balance FROM acct ORDER BY id")) {
                rs.next();
                assertThat(rs.getInt(2)).isEqualTo(100);
                rs.next();
                assertThat(rs.getInt(2)).isEqualTo(201);
            }
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(2);
        }
    }

    /** Two and three connections in a cycle: exactly one 40P01, far sooner than the minute-long lock timeout; the others commit. */
    @Test
    void deadlocksThroughJdbcHaveExactlyOneVictim() throws Exception {
        for (int n : new int[] {2, 3}) {
            String url = "jdbc:lightning:" + dir.resolve("deadlock" + n) + "?lockTimeout=60s";
            try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
                for (int i = 0; i < n; i++) {
                    s.execute("INSERT INTO t VALUES (" + i + ", 0)");
                }
                CyclicBarrier allHoldOne = new CyclicBarrier(n);
                ExecutorService threads = Executors.newFixedThreadPool(n);
                List<Future<String>> outcomes = new ArrayList<>();
                AtomicInteger victimMillis = new AtomicInteger();
                for (int i = 0; i < n; i++) {
                    int me = i;
                    outcomes.add(threads.submit(() -> {
                        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                            c.setAutoCommit(false);
                            st.executeUpdate("UPDATE t SET v = v + 1 WHERE id = " + me);
                            allHoldOne.await(10, TimeUnit.SECONDS);
                            long start = System.nanoTime();
                            try {
                                st.executeUpdate("UPDATE t SET v = v + 1 WHERE id = " + (me + 1) % n);
                                c.commit();
                                return "committed";
                            } catch (SQLTransactionRollbackException e) {
                                assertThat(e.getSQLState()).isEqualTo("40P01");
                                victimMillis.set((int) ((System.nanoTime() - start) / 1_000_000));
                                c.rollback();
                                return "victim";
                            }
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get(30, TimeUnit.SECONDS));
                }
                threads.shutdownNow();
                assertThat(Collections.frequency(results, "victim")).as(results.toString()).isEqualTo(1);
                try (ResultSet rs = s.executeQuery("SELECT SUM(v) FROM t")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2 * (n - 1)); // the victim's first update is undone
                }
                System.out.printf("JDBC deadlock of %d: victim's statement failed after %d ms%n", n, victimMillis.get());
            }
        }
    }

    @Test
    void rollingBackToASavepointReleasesTheRowLocksTakenAfterIt() throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("savepoint");
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url);
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            sa.execute("INSERT INTO t VALUES (1, 0), (2, 0)");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.executeUpdate("UPDATE t SET v = 1 WHERE id = 1");
            java.sql.Savepoint sp = a.setSavepoint();
            sa.executeUpdate("UPDATE t SET v = 1 WHERE id = 2");
            a.rollback(sp);
            try (ResultSet rs = sb.executeQuery("SELECT v FROM t WHERE id = 2 FOR UPDATE NOWAIT")) {
                assertThat(rs.next()).isTrue(); // released by the rollback to the savepoint
            }
            assertThatThrownBy(() -> sb.executeQuery("SELECT v FROM t WHERE id = 1 FOR UPDATE NOWAIT"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
            b.rollback();
            a.commit();
            try (ResultSet rs = sa.executeQuery("SELECT v FROM t ORDER BY id")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void setLockTimeoutAppliesToTheSessionAndRefusesGarbage() throws Exception {
        String url = "jdbc:lightning:" + dir.resolve("settings");
        try (Connection holder = DriverManager.getConnection(url); Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 0)");
            holder.setAutoCommit(false);
            s.executeUpdate("UPDATE t SET v = 1 WHERE id = 1");
            CompletableFuture.runAsync(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("SET LOCK_TIMEOUT '150ms'");
                    assertThatThrownBy(() -> st.executeUpdate("UPDATE t SET v = 2 WHERE id = 1"))
                            .isInstanceOfSatisfying(SQLException.class, e -> {
                                assertThat(e.getSQLState()).isEqualTo("55P03");
                                assertThat(e.getMessage()).contains("150 ms");
                            });
                    st.execute("SET lock_timeout = 100");
                    assertThatThrownBy(() -> st.executeUpdate("UPDATE t SET v = 2 WHERE id = 1"))
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("100 ms"));
                    assertThatThrownBy(() -> st.execute("SET LOCK_TIMEOUT 'soon'"))
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
                    assertThatThrownBy(() -> st.execute("SET no_such_setting TO 1"))
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYC00"));
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            holder.commit();
        }
    }

    @Test
    void lockingClausesParseInEitherPlaceAndRefuseWhatTheyCannotLock() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:" + dir.resolve("syntax")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id INT PRIMARY KEY, v INT)");
            s.execute("CREATE TABLE b (id INT PRIMARY KEY, a_id INT)");
            s.execute("INSERT INTO a VALUES (1, 10), (2, 20)");
            s.execute("INSERT INTO b VALUES (7, 1)");
            c.setAutoCommit(false);
            for (String sql : List.of(
                    "SELECT v FROM a ORDER BY id LIMIT 1 FOR UPDATE",
                    "SELECT v FROM a ORDER BY id FOR UPDATE LIMIT 1",
                    "SELECT v FROM a ORDER BY id FOR SHARE OFFSET 1 ROWS",
                    "SELECT a.v FROM a JOIN b ON b.a_id = a.id FOR NO KEY UPDATE OF b",
                    "SELECT x.v FROM a x FOR KEY SHARE OF x NOWAIT")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    assertThat(rs.next()).as(sql).isTrue();
                    assertThat(rs.getMetaData().getColumnCount()).as(sql).isEqualTo(1);
                }
            }
            assertThat(c.getMetaData().supportsSelectForUpdate()).isTrue();
            assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM a GROUP BY v FOR UPDATE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYC00"));
            assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM a FOR UPDATE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYC00"));
            assertThatThrownBy(() -> s.executeQuery("SELECT v FROM a LIMIT 1 FOR UPDATE LIMIT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("42"));
            assertThatThrownBy(() -> s.executeQuery("SELECT v FROM a FOR UPDATE OF nosuch"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("42"));
            assertThatThrownBy(() -> s.executeQuery("SELECT v FROM a FOR UPDATE SKIP"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("42"));
            c.rollback();
        }
    }

    private HikariDataSource pool(String name, int size, String settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:lightning:" + dir.resolve(name) + settings);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("lightning-" + name);
        return new HikariDataSource(config);
    }
}
