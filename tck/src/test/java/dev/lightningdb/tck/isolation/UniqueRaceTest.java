package dev.lightningdb.tck.isolation;

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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two transactions give two rows the same UNIQUE value: whatever the isolation level, at most one
 * of them commits, and the table never holds the value twice. The value is locked: a second
 * statement with it waits for the first transaction, then fails with 23505 or goes on.
 */
class UniqueRaceTest {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";

    @TempDir
    Path dir;

    private Connection open(int isolation) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:lightning:" + dir.resolve("db"));
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(false);
        return c;
    }

    private void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:" + dir.resolve("db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(40) UNIQUE, n INT)");
            s.executeUpdate("INSERT INTO users VALUES (1, 'one@x', 0), (2, 'two@x', 0)");
        }
    }

    /**
     * The second insert of a value waits for the first transaction's lock on it: when the first
     * commits, the second statement fails with 23505; when it rolls back, the second goes on.
     */
    @ParameterizedTest(name = "isolation {0}, first commits {1}")
    @CsvSource({"2,true", "2,false", "4,true", "4,false", "8,true", "8,false"})
    void twoInsertsOfOneValueNeverBothCommit(int isolation, boolean firstCommits) throws Exception {
        createTable();
        try (Connection a = open(isolation); Connection b = open(isolation)) {
            a.createStatement().executeUpdate("INSERT INTO users VALUES (10, 'same@x', 0)");
            race(a, b, "INSERT INTO users VALUES (11, 'same@x', 0)", firstCommits);
        }
        assertThat(count("email = ?", "same@x")).isEqualTo(1);
    }

    @ParameterizedTest(name = "isolation {0}, first commits {1}")
    @CsvSource({"2,true", "2,false", "4,true", "4,false", "8,true", "8,false"})
    void anUpdateOntoAValueAnotherTransactionInsertsNeverBothCommit(int isolation, boolean firstCommits) throws Exception {
        createTable();
        try (Connection a = open(isolation); Connection b = open(isolation)) {
            a.createStatement().executeUpdate("INSERT INTO users VALUES (10, 'moved@x', 0)");
            race(a, b, "UPDATE users SET email = 'moved@x' WHERE id = 2", firstCommits);
        }
        assertThat(count("email = ?", "moved@x")).isEqualTo(1);
    }

    /**
     * Runs {@code second} on {@code b} on a thread of its own while {@code a} holds the value, then
     * ends {@code a}. The statement must fail with 23505 (40001 allowed under SERIALIZABLE) if
     * {@code a} committed, and succeed and commit if {@code a} rolled back.
     */
    private static void race(Connection a, Connection b, String second, boolean firstCommits) throws Exception {
        CompletableFuture<SQLException> statement = CompletableFuture.supplyAsync(() -> {
            try (Statement s = b.createStatement()) {
                s.executeUpdate(second);
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        Thread.sleep(100); // usually the statement is waiting by now; if not, it finds a's outcome committed, which must give the same result
        if (firstCommits) {
            a.commit();
            SQLException loser = statement.get(30, TimeUnit.SECONDS);
            assertThat((Object) loser).as("the second statement with the value").isNotNull();
            assertThat(loser.getSQLState()).as(loser.getMessage()).isIn(UNIQUE_VIOLATION,
                    b.getTransactionIsolation() == Connection.TRANSACTION_SERIALIZABLE ? SERIALIZATION_FAILURE : UNIQUE_VIOLATION);
            b.rollback();
        } else {
            a.rollback();
            assertThat((Object) statement.get(30, TimeUnit.SECONDS)).isNull();
            b.commit();
        }
    }

    @ParameterizedTest(name = "isolation {0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ})
    void aValueFreedByACommittedUpdateCanBeTakenAfterwards(int isolation) throws SQLException {
        createTable();
        try (Connection a = open(isolation)) {
            try (Connection b = open(isolation)) {
                b.createStatement().executeUpdate("UPDATE users SET email = 'elsewhere@x' WHERE id = 1");
                b.commit();
            }
            a.createStatement().executeUpdate("INSERT INTO users VALUES (10, 'one@x', 0)"); // a transaction begun now
            a.commit();
        }
        assertThat(count("email = ?", "one@x")).isEqualTo(1);
    }

    @ParameterizedTest(name = "isolation {0}")
    @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE})
    void manyConnectionsRacingForFewValuesLeaveEachValueOnce(int isolation) throws Exception {
        createTable();
        int threads = 6;
        int values = 20;
        AtomicInteger nextId = new AtomicInteger(100);
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                try (Connection c = open(isolation);
                        PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?, ?, 0)")) {
                    for (int i = 0; i < 150; i++) {
                        insert.setInt(1, nextId.getAndIncrement());
                        insert.setString(2, "v" + ThreadLocalRandom.current().nextInt(values) + "@x");
                        try {
                            insert.executeUpdate();
                            c.commit();
                        } catch (SQLException e) {
                            if (!e.getSQLState().equals(UNIQUE_VIOLATION) && !e.getSQLState().equals(SERIALIZATION_FAILURE)) {
                                unexpected.add(e.getSQLState() + " " + e.getMessage());
                            }
                            c.rollback();
                        }
                    }
                } catch (SQLException e) {
                    unexpected.add(e.getSQLState() + " " + e.getMessage());
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertThat(unexpected).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:lightning:" + dir.resolve("db"));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT email, COUNT(*) FROM users WHERE email LIKE 'v%' GROUP BY email HAVING COUNT(*) > 1")) {
            List<String> twice = new ArrayList<>();
            while (rs.next()) {
                twice.add(rs.getString(1) + " x" + rs.getLong(2));
            }
            assertThat(twice).as("values held by more than one row").isEmpty();
        }
        assertThat(count("email LIKE ?", "v%")).as("every value was taken once").isEqualTo(values);
    }

    private long count(String condition, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:" + dir.resolve("db"));
                PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM users WHERE " + condition)) {
            p.setString(1, value);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
