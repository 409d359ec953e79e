package dev.lightningdb.tck.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link TemporaryTablesTest}: fills a temporary table (and one permanent
 * row) in the database at {@code args[0]}, says READY, and waits to be killed.
 */
public final class TemporaryTableChild {
    private TemporaryTableChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:" + args[0]); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE kept (id INT PRIMARY KEY)");
            s.executeUpdate("INSERT INTO kept VALUES (1)");
            s.executeUpdate("CREATE TEMPORARY TABLE scratch (id INT PRIMARY KEY, pad VARCHAR(100))");
            s.executeUpdate("INSERT INTO g VALUES (1)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO scratch VALUES (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "pad" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
