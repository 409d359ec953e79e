package dev.lightningdb.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs SQL statements one by one on a connection, printing tables and counts. */
final class ScriptRunner {
    private final Connection connection;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean echo;

    ScriptRunner(Connection connection, PrintStream out, PrintStream err, boolean echo) {
        this.connection = connection;
        this.out = out;
        this.err = err;
        this.echo = echo;
    }

    /** Runs every statement of {@code script}; returns the number that failed (stops at the first unless keepGoing). */
    int run(String script, boolean keepGoing) {
        int failures = 0;
        for (String sql : ScriptSplitter.split(script)) {
            if (echo) {
                out.println();
                out.println("lightning> " + sql.replace("\n", "\n        > ") + ";");
            }
            try (Statement s = connection.createStatement()) {
                long start = System.nanoTime();
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        TablePrinter.print(rs, out, 1000);
                    }
                } else {
                    out.println(s.getUpdateCount() + " row(s) affected");
                }
                if (echo) {
                    out.printf("(%.1f ms)%n", (System.nanoTime() - start) / 1e6);
                }
            } catch (SQLException e) {
                failures++;
                err.println("Error [" + e.getSQLState() + "]: " + e.getMessage());
                if (!keepGoing) {
                    return failures;
                }
            }
        }
        return failures;
    }
}
