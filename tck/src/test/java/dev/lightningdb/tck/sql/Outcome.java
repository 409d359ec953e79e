package dev.lightningdb.tck.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a statement did on one database: its normalized rows, its update count, or its error. A
 * throwable other than {@link SQLException} (which a JDBC driver must never let escape) is kept as
 * {@link #escaped} and also counts as a failure.
 */
record Outcome(List<List<Object>> rows, int updateCount, SQLException error, Throwable escaped) {
    static final int MAX_ROWS = 100_000;

    static Outcome run(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    return new Outcome(ResultNormalizer.rows(rs, MAX_ROWS), -1, null, null);
                }
            }
            return new Outcome(null, s.getUpdateCount(), null, null);
        } catch (SQLException e) {
            return new Outcome(null, -1, e, null);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            return new Outcome(null, -1, new SQLException("escaped: " + e, "ESCAPED", e), e);
        }
    }

    boolean failed() {
        return error != null;
    }

    /** The SQLState class (first two characters), or "" when there is none. */
    String errorClass() {
        String state = error == null ? null : error.getSQLState();
        return state == null || state.length() < 2 ? "" : state.substring(0, 2);
    }

    @Override
    public String toString() {
        if (escaped != null) {
            return "NOT AN SQLException: " + escaped + stackTop(escaped);
        }
        if (error != null) {
            String m = String.valueOf(error.getMessage());
            return "error " + error.getSQLState() + ": " + (m.length() > 700 ? m.substring(0, 700) + "... (" + m.length() + " chars)" : m);
        }
        return rows != null ? rows.size() + " row(s)" : "update count " + updateCount;
    }

    static String stackTop(Throwable t) {
        StringBuilder sb = new StringBuilder();
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(4, trace.length); i++) {
            sb.append("\n      at ").append(trace[i]);
        }
        return sb.toString();
    }
}
