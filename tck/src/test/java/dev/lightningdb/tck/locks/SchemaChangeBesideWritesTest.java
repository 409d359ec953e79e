package dev.lightningdb.tck.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema change of a table waits for the transactions with pending writes to it, and writers
 * that come later wait for the schema change: an index never misses a row written beside its
 * creation, and a DROP never races a writer.
 */
class SchemaChangeBesideWritesTest {
    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void create() throws SQLException {
        url = "jdbc:lightning:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 1), (2, 2)");
        }
    }

    @Test
    void createIndexWaitsForPendingWritesAndIndexesThem() throws Exception {
        try (Connection writer = DriverManager.getConnection(url)) {
            writer.setAutoCommit(false);
            insertRows(writer, 100, 200);
            CompletableFuture<Void> ddl = meanwhile("CREATE INDEX t_v ON t (v)");
            assertThat(ddl).isNotDone();
            writer.commit();
            ddl.get(30, TimeUnit.SECONDS);
        }
        try (Connection later = DriverManager.getConnection(url)) {
            insertRows(later, 200, 250); // written with the index
            assertThat(count(later, "SELECT COUNT(*) FROM t WHERE v >= 100")).isEqualTo(150);
            assertThat(count(later, "SELECT COUNT(*) FROM t WHERE v = 150")).isEqualTo(1);
            try (Statement s = later.createStatement(); ResultSet rs = s.executeQuery("VERIFY INTEGRITY")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("OK");
            }
        }
    }

    @Test
    void aWriterThatComesDuringASchemaChangeWaitsAndWritesWithTheNewSchema() throws Exception {
        try (Connection ddl = DriverManager.getConnection(url); Statement s = ddl.createStatement()) {
            ddl.setAutoCommit(false);
            s.execute("CREATE UNIQUE INDEX t_v ON t (v)");
            CompletableFuture<Void> insert = meanwhile("INSERT INTO t VALUES (3, 1)"); // a duplicate once the index exists
            assertThat(insert).isNotDone();
            ddl.commit();
            assertThat(insert).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .satisfies(e -> assertThat(((SQLException) e.getCause().getCause()).getSQLState()).isEqualTo("23505"));
        }
    }

    @Test
    void aUniqueIndexOverAPendingDuplicateFailsOnceTheDuplicateCommits() throws Exception {
        try (Connection writer = DriverManager.getConnection(url); Statement s = writer.createStatement()) {
            writer.setAutoCommit(false);
            s.execute("INSERT INTO t VALUES (3, 1)");
            CompletableFuture<Void> ddl = meanwhile("CREATE UNIQUE INDEX t_v ON t (v)");
            writer.commit();
            assertThat(ddl).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .satisfies(e -> assertThat(((SQLException) e.getCause().getCause()).getSQLState()).isEqualTo("23505"));
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, "SELECT COUNT(*) FROM t")).isEqualTo(3);
        }
    }

    @Test
    void dropTableWaitsForAPendingWriter() throws Exception {
        try (Connection writer = DriverManager.getConnection(url)) {
            writer.setAutoCommit(false);
            insertRows(writer, 10, 20);
            CompletableFuture<Void> drop = meanwhile("DROP TABLE t");
            assertThat(drop).isNotDone();
            writer.commit();
            drop.get(30, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            assertThat(count(c, "SELECT COUNT(*) FROM t")).isZero(); // nothing of the dropped table's rows is left
            try (ResultSet rs = s.executeQuery("VERIFY INTEGRITY")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("OK");
            }
        }
    }

    /** Runs {@code sql} in auto-commit on a connection and thread of its own; gives it time to start waiting. */
    private CompletableFuture<Void> meanwhile(String sql) throws InterruptedException {
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(200);
        return f;
    }

    private static void insertRows(Connection c, int from, int to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = from; i < to; i++) {
                p.setInt(1, i);
                p.setInt(2, i);
                p.executeUpdate();
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
