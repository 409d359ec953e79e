package dev.lightningdb.bench.kv;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite as a key/value store (a {@code WITHOUT ROWID} table of two BLOBs, through sqlite-jdbc, its
 * only Java API), in WAL mode with {@code synchronous=FULL}. It takes part only in the durable
 * commit rows, as the embedded SQL database people reach for when commits must survive a crash.
 * One connection per thread, as SQLite wants.
 */
final class SqliteKv implements KvSystem {
    private static final int BUSY_TIMEOUT_MS = 600_000;

    private String url;
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadLocal<Session> session = ThreadLocal.withInitial(this::connect);

    /** One thread's connection and its prepared statements. */
    private record Session(Connection c, PreparedStatement get, PreparedStatement put, PreparedStatement scan) {
    }

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public boolean runs(KvWorkload w) {
        return w.durable();
    }

    @Override
    public String settings(KvWorkload w) {
        return "WAL, synchronous=FULL, connection per thread";
    }

    @Override
    public void open(Path dir, KvOptions o) throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("kv.sqlite");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID");
        }
    }

    private Session connect() {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            }
            synchronized (connections) {
                connections.add(c);
            }
            return new Session(c, c.prepareStatement("SELECT v FROM kv WHERE k = ?"),
                    c.prepareStatement("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)"),
                    c.prepareStatement("SELECT k, v FROM kv WHERE k >= ? ORDER BY k LIMIT ?"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        PreparedStatement ps = session.get().get();
        try {
            ps.setBytes(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        durablePut(key, value);
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values) {
        Session s = session.get();
        try {
            s.c().setAutoCommit(false);
            for (int i = 0; i < keys.length; i++) {
                s.put().setBytes(1, keys[i]);
                s.put().setBytes(2, values[i]);
                s.put().addBatch();
            }
            s.put().executeBatch();
            s.c().commit();
            s.c().setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void durablePut(byte[] key, byte[] value) {
        PreparedStatement ps = session.get().put();
        try {
            ps.setBytes(1, key);
            ps.setBytes(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int scan(byte[] from, int limit) {
        PreparedStatement ps = session.get().scan();
        int n = 0;
        try {
            ps.setBytes(1, from);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBytes(1).length + rs.getBytes(2).length > 0) {
                        n++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    @Override
    public void close() throws SQLException {
        synchronized (connections) {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
        }
    }
}
