package dev.lightningdb.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Flyway migrations on an embedded database. With {@code lightning-flyway} on the class path,
 * Flyway recognizes {@code jdbc:lightning:} URLs by itself; each migration runs in one transaction
 * with its history row (DDL included), so a failing one leaves nothing behind. The scripts are in
 * {@code src/main/resources/db/example}.
 */
public final class FlywayExample {
    private FlywayExample() {
    }

    public static void main(String[] args) throws SQLException {
        String dir = args.length > 0 ? args[0] : "./data/flyway";
        run("jdbc:lightning:" + dir, System.out);
    }

    /** Migrates the database at {@code url} and prints its history and books; returns how many migrations ran. */
    public static int run(String url, PrintStream out) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/example").load();
        int applied = flyway.migrate().migrationsExecuted;
        out.println("applied " + applied + " migration(s)");
        for (MigrationInfo m : flyway.info().applied()) {
            out.println("version " + m.getVersion() + ": " + m.getDescription() + " (" + m.getState().getDisplayName() + ")");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT published, title FROM book ORDER BY published")) {
            while (rs.next()) {
                out.println(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return applied;
    }
}
