package dev.lightningdb.tck.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small helpers for the driver tests: a fresh in-memory database per test, and quick SQL. */
final class Jdbc {
    private Jdbc() {
    }

    /** A URL of an in-memory database no other test uses. */
    static String freshUrl() {
        return "jdbc:lightning:mem:jdbc-" + UUID.randomUUID();
    }

    static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    static void update(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String one : sql) {
                s.executeUpdate(one);
            }
        }
    }

    /** The first column of every row of {@code sql}, as longs (null stays null). */
    static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long v = rs.getLong(1);
                out.add(rs.wasNull() ? null : v);
            }
        }
        return out;
    }

    /** The single long value {@code sql} returns. */
    static long one(Connection c, String sql) throws SQLException {
        List<Long> all = longs(c, sql);
        if (all.size() != 1) {
            throw new AssertionError(sql + " returned " + all.size() + " rows");
        }
        return all.get(0);
    }

    /** The SQLState of {@code t}, which must be an SQLException. */
    static String state(Throwable t) {
        if (!(t instanceof SQLException e)) {
            throw new AssertionError("expected an SQLException, got " + t, t);
        }
        return e.getSQLState();
    }

    /**
     * "ok", or "fails " and the class of the SQLState that running {@code sql} gave; {@code codes}
     * maps a database's own codes to the standard class it stands for (H2's 90xxx).
     */
    static String outcome(Connection c, String sql, java.util.Map<String, String> codes) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return "ok";
        } catch (SQLException e) {
            String state = e.getSQLState();
            return "fails " + codes.getOrDefault(state, state.substring(0, 2));
        }
    }

    /** Each row of {@code sql} as its values (getString) joined by '|'. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return rows(s.executeQuery(sql));
        }
    }

    /** Each row of {@code rs} as its values (getString) joined by '|'; closes {@code rs}. */
    static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
