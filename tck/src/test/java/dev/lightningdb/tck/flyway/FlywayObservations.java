package dev.lightningdb.tck.flyway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * What a Flyway scenario saw, written as text lines that do not depend on the database: the
 * migrations Flyway reports, the tables of PUBLIC and the rows of the application tables.
 */
final class FlywayObservations {
    private final String url;
    private final List<String> lines = new ArrayList<>();

    FlywayObservations(String url) {
        this.url = url;
    }

    /** H2 wants the user Flyway created the database with; LightningDB ignores user and password. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    List<String> lines() {
        return lines;
    }

    void note(String line) {
        lines.add(line);
    }

    /** Flyway's report of every migration: rank, version, description, type, state, checksum. */
    void info(String step, Flyway flyway) {
        for (MigrationInfo m : flyway.info().all()) {
            lines.add(step + " info: " + m.getInstalledRank() + " " + (m.getVersion() == null ? "R" : m.getVersion().getVersion())
                    + " '" + m.getDescription() + "' " + m.getType() + " " + m.getState().getDisplayName() + " " + m.getChecksum()
                    + (m.getState().isApplied() ? " resolved=" + m.getState().isResolved() : ""));
        }
    }

    /** The tables of schema PUBLIC, by name. */
    void tables(String step) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, "PUBLIC", "%", null)) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        lines.add(step + " tables: " + names);
    }

    /** The rows of {@code query}, one line each. */
    void rows(String step, String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(step).append(" row:");
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    row.append(' ').append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v));
                }
                lines.add(row.toString());
            }
        }
    }

    /** Whether a table exists in PUBLIC. */
    boolean tableExists(String name) throws SQLException {
        try (Connection c = connect();
             ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", name, null)) {
            return rs.next();
        }
    }
}
