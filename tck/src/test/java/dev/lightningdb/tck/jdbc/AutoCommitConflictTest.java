package dev.lightningdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Auto-commit statements that update the same row from several connections at once: each is its
 * own transaction, so a lost write-write conflict is retried inside the driver (the statement runs
 * again on the newer row, as a locking database would re-evaluate it) and no client sees 40001 or
 * loses an increment.
 */
class AutoCommitConflictTest {
    @Test
    void concurrentAutoCommitIncrementsOfOneRowAllCount() throws Exception {
        String url = Jdbc.freshUrl();
        int threads = 4;
        int each = 400;
        Connection holder = Jdbc.open(url); // keeps the in-memory database alive between the workers' connections
        try (Statement s = holder.createStatement()) {
            s.executeUpdate("CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
            s.executeUpdate("INSERT INTO counter VALUES (1, 0)");
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(new Thread(() -> {
                try (Connection c = Jdbc.open(url); PreparedStatement inc = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = ?")) {
                    for (int i = 0; i < each; i++) {
                        inc.setInt(1, 1);
                        assertThat(inc.executeUpdate()).isEqualTo(1);
                    }
                } catch (SQLException | RuntimeException | AssertionError e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        assertThat(failure.get()).as("no statement failed").isNull();
        try (holder; ResultSet rs = holder.createStatement().executeQuery("SELECT n FROM counter WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo((long) threads * each);
        }
    }
}
