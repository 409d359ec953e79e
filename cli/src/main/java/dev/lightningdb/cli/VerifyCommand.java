package dev.lightningdb.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lightning verify DATABASE}: walks the whole database; exit code 0 when clean, 3 when damaged. */
@Command(name = "verify", description = "Check the integrity of a database and list every problem found.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("VERIFY INTEGRITY")) {
            boolean clean = false;
            while (rs.next()) {
                String line = rs.getString(1);
                clean |= rs.getRow() == 1 && line.equals("OK");
                System.out.println(line);
            }
            return clean ? 0 : 3;
        } catch (SQLException e) {
            System.err.println("Cannot verify " + database.database + ": " + e.getMessage());
            return 1;
        }
    }
}
