package dev.lightningdb.tck.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Plain JDBC for tests that compare LightningDB with H2 statement by statement: run SQL, read rows as text. */
final class SqlRows {
    private SqlRows() {
    }

    /** A fresh in-memory LightningDB and a fresh in-memory H2 database. */
    record Pair(Connection lightning, Connection h2) implements AutoCloseable {
        static Pair fresh(String prefix) throws SQLException {
            String name = prefix + "-" + UUID.randomUUID();
            Connection lightning = DriverManager.getConnection("jdbc:lightning:mem:" + name);
            try {
                return new Pair(lightning, DriverManager.getConnection("jdbc:h2:mem:" + name));
            } catch (SQLException e) {
                lightning.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try (h2) {
                lightning.close();
            }
        }
    }

    static void execute(Connection c, List<String> sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    /** Each row of {@code sql} as text (numbers as longs, so that INT and BIGINT compare equal). */
    static List<String> rows(Connection c, String sql) throws SQLException {
        return rows(c, sql, false);
    }

    /** {@link #rows(Connection, String)}, after a first line of the column labels when {@code labelled}. */
    static List<String> rows(Connection c, String sql, boolean labelled) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs, labelled);
        }
    }

    /** The rows of {@code ps} run with {@code parameters}. */
    static List<String> rows(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            return rows(rs, false);
        }
    }

    private static List<String> rows(ResultSet rs, boolean labelled) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        if (labelled) {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                labels.add(rs.getMetaData().getColumnLabel(i).toUpperCase(Locale.ROOT));
            }
            out.add(labels.toString());
        }
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                Object v = rs.getObject(i);
                row.add(v instanceof Number num ? num.longValue() : v);
            }
            out.add(row.toString());
        }
        return out;
    }
}
