package dev.lightningdb.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The key/value statements: {@code PUT} (insert or replace by primary key), {@code GET} (one row by
 * its full key) and {@code SCAN} (rows in key order from a key, inclusive, to a key, exclusive; a
 * key may be a prefix of a composite primary key). They skip the query planner. Run it with a
 * directory argument, or none for {@code ./data/keyvalue}.
 */
public final class KeyValueExample {
    private KeyValueExample() {
    }

    public static void main(String[] args) throws SQLException {
        String dir = args.length > 0 ? args[0] : "./data/keyvalue";
        run("jdbc:lightning:" + dir, System.out);
    }

    /** Runs the example against {@code url}, printing to {@code out}. */
    public static void run(String url, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE IF EXISTS settings");
            // A composite key: (user, name). SCAN can walk all settings of one user by the key prefix.
            statement.executeUpdate("CREATE TABLE settings (user_id INT, name VARCHAR(30), setting VARCHAR(100),"
                    + " PRIMARY KEY (user_id, name))");

            try (PreparedStatement put = connection.prepareStatement("PUT INTO settings VALUES (?, ?, ?)")) {
                Object[][] rows = {{1, "theme", "dark"}, {1, "language", "en"}, {2, "theme", "light"}, {1, "theme", "solarized"}};
                for (Object[] row : rows) { // the second PUT of (1, 'theme') replaces the first
                    put.setInt(1, (Integer) row[0]);
                    put.setString(2, (String) row[1]);
                    put.setString(3, (String) row[2]);
                    put.executeUpdate();
                }
            }

            try (PreparedStatement get = connection.prepareStatement("GET FROM settings WHERE user_id = ? AND name = ?")) {
                get.setInt(1, 1);
                get.setString(2, "theme");
                try (ResultSet rs = get.executeQuery()) {
                    out.println(rs.next() ? "GET user 1 theme = " + rs.getString("setting") : "GET user 1 theme: no row");
                }
                get.setString(2, "font");
                try (ResultSet rs = get.executeQuery()) {
                    out.println(rs.next() ? "GET user 1 font = " + rs.getString("setting") : "GET user 1 font: no row");
                }
            }

            // All keys starting with user 1: from (1) up to, not including, (2).
            try (ResultSet rs = statement.executeQuery("SCAN settings FROM (1) TO (2)")) {
                while (rs.next()) {
                    out.println("SCAN " + rs.getInt("user_id") + " " + rs.getString("name") + " = " + rs.getString("setting"));
                }
            }
            try (ResultSet rs = statement.executeQuery("SCAN settings LIMIT 1 REVERSE")) {
                while (rs.next()) {
                    out.println("LAST " + rs.getInt("user_id") + " " + rs.getString("name") + " = " + rs.getString("setting"));
                }
            }
        }
    }
}
