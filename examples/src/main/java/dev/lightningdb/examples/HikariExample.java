package dev.lightningdb.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A HikariCP pool over an embedded database, used by several threads. The database stays open
 * while the pool holds connections and closes with the pool's last one.
 *
 * <p>Concurrent read-modify-write transactions on the same row: the read locks the row ({@code
 * SELECT ... FOR UPDATE}), so the others wait for it and then read the new value; at READ
 * COMMITTED nothing fails. (A plain read followed by a write in a later statement would lose
 * updates at READ COMMITTED, as in PostgreSQL.) A transaction that is rolled back as a deadlock
 * victim (40P01) or loses a conflict at REPEATABLE READ (40001) is retried, as {@link #addView} does.
 */
public final class HikariExample {
    private static final int MAX_ATTEMPTS = 100;

    private HikariExample() {
    }

    public static void main(String[] args) throws Exception {
        String dir = args.length > 0 ? args[0] : "./data/hikari";
        run("jdbc:lightning:" + dir, System.out);
    }

    /** Runs four workers, each adding ten visits to a page counter; returns the final count. */
    public static long run(String url, PrintStream out) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setPoolName("lightning-example");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE IF EXISTS page_views");
                s.executeUpdate("CREATE TABLE page_views (page VARCHAR(40) PRIMARY KEY, views BIGINT NOT NULL)");
                s.executeUpdate("INSERT INTO page_views VALUES ('/home', 0)");
            }
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    done.add(workers.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            addView(pool, "/home");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                workers.shutdown();
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT views FROM page_views WHERE page = '/home'")) {
                rs.next();
                long views = rs.getLong(1);
                out.println("/home was viewed " + views + " times");
                return views;
            }
        }
    }

    /** Reads the counter under its row lock and writes it back plus one, in a transaction; retries a rolled-back one. */
    private static void addView(HikariDataSource pool, String page) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement read = c.prepareStatement("SELECT views FROM page_views WHERE page = ? FOR UPDATE");
                     PreparedStatement write = c.prepareStatement("UPDATE page_views SET views = ? WHERE page = ?")) {
                    read.setString(1, page);
                    long views;
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        views = rs.getLong(1);
                    }
                    write.setLong(1, views + 1);
                    write.setString(2, page);
                    write.executeUpdate();
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (!(e instanceof java.sql.SQLTransactionRollbackException) || attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }
}
