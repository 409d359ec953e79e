package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:lightning:mem:prepared");
        c.createStatement().executeUpdate("CREATE TABLE t (id INT PRIMARY KEY, d DATE, ts TIMESTAMP, amount DECIMAL(9,2), label VARCHAR(40))");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void parametersAreCheckedBeforeRunning() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t (id, label) VALUES (?, ?)")) {
            p.setInt(1, 1);
            assertThatThrownBy(p::executeUpdate).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"))
                    .hasMessageContaining("Parameter 2");
            assertThatThrownBy(() -> p.setInt(3, 1)).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
            assertThatThrownBy(() -> p.setInt(0, 1)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> p.setObject(2, new Object())).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
            p.setString(2, "one");
            assertThat(p.executeUpdate()).isEqualTo(1);
            p.clearParameters();
            assertThatThrownBy(p::executeUpdate).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> p.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> c.prepareStatement("SELEC * FROM t")).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
    }

    @Test
    void javaTimeAndJdbcTypesConvertBothWays() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, 1);
            p.setObject(2, LocalDate.of(2024, 2, 29));
            p.setTimestamp(3, Timestamp.valueOf("2024-02-29 13:14:15.678"));
            p.setObject(4, new BigDecimal("12.345")); // rounds half up to the scale
            p.setObject(5, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
            p.executeUpdate();
            p.setLong(1, 2);
            p.setDate(2, Date.valueOf("1999-12-31"));
            p.setObject(3, LocalDateTime.of(2000, 1, 1, 0, 0));
            p.setNull(4, Types.DECIMAL);
            p.setNull(5, Types.VARCHAR);
            p.executeUpdate();
        }
        try (PreparedStatement q = c.prepareStatement("SELECT id, d, ts, amount, label FROM t WHERE id = ?")) {
            q.setInt(1, 1);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(2)).isEqualTo(Date.valueOf("2024-02-29"));
                assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(rs.getTimestamp(3)).isEqualTo(Timestamp.valueOf("2024-02-29 13:14:15.678"));
                assertThat(rs.getObject("TS", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 678_000_000));
                assertThat(rs.getBigDecimal(4)).isEqualTo(new BigDecimal("12.35"));
                assertThat(rs.getDouble(4)).isEqualTo(12.35);
                assertThat(rs.getObject(5, UUID.class)).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
                assertThatThrownBy(() -> rs.getInt(5)).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> rs.getString(6)).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07009"));
                assertThatThrownBy(() -> rs.getString("nope")).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42S22"));
                ResultSetMetaData md = rs.getMetaData();
                assertThat(md.getColumnCount()).isEqualTo(5);
                assertThat(md.getColumnType(4)).isEqualTo(Types.DECIMAL);
                assertThat(md.getPrecision(4)).isEqualTo(9);
                assertThat(md.getScale(4)).isEqualTo(2);
                assertThat(md.getColumnTypeName(5)).isEqualTo("VARCHAR");
                assertThat(md.getTableName(1)).isEqualTo("T");
                assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
                assertThat(rs.next()).isFalse();
            }
            assertThat(q.getParameterMetaData().getParameterType(1)).isEqualTo(Types.INTEGER);
            assertThat(q.getMetaData().getColumnLabel(2)).isEqualTo("D");
        }
    }

    @Test
    void batchesReportTheCountsDoneBeforeAFailure() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
            for (int id : new int[] {1, 2, 2, 3}) {
                p.setInt(1, id);
                p.addBatch();
            }
            assertThatThrownBy(p::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                assertThat(e.getUpdateCounts()).containsExactly(1, 1);
                assertThat(e.getSQLState()).isEqualTo("23505");
            });
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void maxRowsLimitsTheResult() throws SQLException {
        c.createStatement().executeUpdate("INSERT INTO t (id) VALUES (1), (2), (3)");
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM t ORDER BY id")) {
            p.setMaxRows(2);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.next()).isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
