package dev.lightningdb.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement's whole journey: JDBC → SQL layer → engine → back, on a database directory. */
class JdbcRoundTripTest {
    private static final int ROWS = 1000;

    @TempDir
    Path dir;

    private static String name(int i) {
        return "row-" + i;
    }

    private static BigDecimal amount(int i) {
        return BigDecimal.valueOf(i * 7L, 2);
    }

    @Test
    void insertsReadsUpdatesAndDeletesThroughDriverManager() throws SQLException {
        String url = "jdbc:lightning:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, amount DECIMAL(12,2), flag BOOLEAN)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO items (id, name, amount, flag) VALUES (?, ?, ?, ?)")) {
                // insert in a scrambled order: the primary key, not insertion order, decides the read order
                for (int k = 0; k < ROWS; k++) {
                    int i = (k * 389) % ROWS;
                    insert.setInt(1, i);
                    insert.setString(2, name(i));
                    insert.setBigDecimal(3, amount(i));
                    if (i % 3 == 0) {
                        insert.setNull(4, java.sql.Types.BOOLEAN);
                    } else {
                        insert.setBoolean(4, i % 2 == 0);
                    }
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }

            try (PreparedStatement range = c.prepareStatement("SELECT id, name, amount, flag FROM items WHERE id >= ? AND id < ? ORDER BY id")) {
                range.setInt(1, 100);
                range.setInt(2, 900);
                try (ResultSet rs = range.executeQuery()) {
                    int expected = 100;
                    while (rs.next()) {
                        assertThat(rs.getInt(1)).isEqualTo(expected);
                        assertThat(rs.getString("NAME")).isEqualTo(name(expected));
                        assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo(amount(expected));
                        boolean flag = rs.getBoolean(4);
                        if (expected % 3 == 0) {
                            assertThat(rs.wasNull()).isTrue();
                        } else {
                            assertThat(flag).isEqualTo(expected % 2 == 0);
                        }
                        expected++;
                    }
                    assertThat(expected).isEqualTo(900);
                }
            }

            try (PreparedStatement update = c.prepareStatement("UPDATE items SET name = ?, amount = amount + 1 WHERE id < ?")) {
                update.setString(1, "updated");
                update.setInt(2, 10);
                assertThat(update.executeUpdate()).isEqualTo(10);
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("DELETE FROM items WHERE id >= 500")).isEqualTo(500);
            }
        }

        // reopen: everything must have been kept
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, amount FROM items ORDER BY id")) {
            int expected = 0;
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(expected);
                if (expected < 10) {
                    assertThat(rs.getString(2)).isEqualTo("updated");
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(amount(expected).add(BigDecimal.ONE));
                } else {
                    assertThat(rs.getString(2)).isEqualTo(name(expected));
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(amount(expected));
                }
                expected++;
            }
            assertThat(expected).isEqualTo(500);
        }
    }

    @Test
    void syntaxErrorNamesLineAndColumnAndKeepsTheConnectionUsable() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:syntax"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT a,\n  FROM t"))
                    .isInstanceOf(SQLSyntaxErrorException.class)
                    .hasMessageContaining("line 2, column 3")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
            try (ResultSet rs = s.executeQuery("SELECT 1 + 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void unknownTableIs42S02AndKeepsTheConnectionUsable() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:unknown"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM missing"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42S02"))
                    .hasMessageContaining("MISSING");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO missing VALUES (1)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42S02"));
            s.executeUpdate("CREATE TABLE present (id INT PRIMARY KEY)");
            assertThat(s.executeUpdate("INSERT INTO present VALUES (1), (2)")).isEqualTo(2);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM present")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }
}
