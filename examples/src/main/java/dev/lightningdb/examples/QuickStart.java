package dev.lightningdb.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The first program to copy: open an embedded database with a JDBC URL, create a table, insert
 * with a prepared statement, query, and print. Run it with a directory argument, or none for
 * {@code ./data/quickstart}.
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws SQLException {
        String dir = args.length > 0 ? args[0] : "./data/quickstart";
        run("jdbc:lightning:" + dir, System.out);
    }

    /** Runs the example against {@code url}, printing to {@code out}; returns the number of rows printed. */
    public static int run(String url, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DROP TABLE IF EXISTS greetings");
                statement.executeUpdate("CREATE TABLE greetings (id INT PRIMARY KEY, language VARCHAR(20) NOT NULL, text VARCHAR(50))");
            }

            // Several inserts in one transaction: all or nothing.
            connection.setAutoCommit(false);
            String[][] greetings = {{"English", "Hello, world"}, {"French", "Bonjour le monde"}, {"German", "Hallo Welt"},
                    {"Portuguese", "Olá mundo"}, {"Japanese", "こんにちは世界"}};
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO greetings VALUES (?, ?, ?)")) {
                for (int i = 0; i < greetings.length; i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, greetings[i][0]);
                    insert.setString(3, greetings[i][1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);

            int printed = 0;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, language, text FROM greetings WHERE id >= ? ORDER BY id")) {
                query.setInt(1, 2);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        out.printf("%d %-10s %s%n", rs.getInt("id"), rs.getString("language"), rs.getString("text"));
                        printed++;
                    }
                }
            }
            return printed;
        }
    }
}
