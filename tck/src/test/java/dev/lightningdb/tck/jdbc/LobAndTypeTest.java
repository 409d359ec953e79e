package dev.lightningdb.tck.jdbc;

import static dev.lightningdb.tck.jdbc.Jdbc.state;
import static dev.lightningdb.tck.jdbc.Jdbc.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blob/Clob/NClob, streams, getObject(i, Class), setObject with target types, and setNull of every type. */
class LobAndTypeTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = Jdbc.open(Jdbc.freshUrl());
        update(c, "CREATE TABLE v (k INT PRIMARY KEY, b VARBINARY(100), txt VARCHAR(1000), d DATE, tm TIME, ts TIMESTAMP, "
                + "tz TIMESTAMP WITH TIME ZONE, dec DECIMAL(10,2), u UUID, big BIGINT, i INT, si SMALLINT, ti TINYINT, "
                + "r REAL, db DOUBLE, bo BOOLEAN, cl CLOB, bl BLOB)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** Runs {@code sql} (one row expected) and positions on the row. */
    private ResultSet row(String sql) throws SQLException {
        ResultSet rs = c.createStatement().executeQuery(sql);
        assertThat(rs.next()).isTrue();
        return rs;
    }

    @Test
    void blobsAndClobsGoInAndComeOut() throws SQLException, IOException {
        Blob blob = c.createBlob();
        assertThat(blob.setBytes(1, new byte[] {1, 2, 3, 4})).isEqualTo(4);
        blob.setBytes(5, new byte[] {5});
        Clob clob = c.createClob();
        clob.setString(1, "hello world");
        NClob nclob = c.createNClob();
        nclob.setString(1, "grüße");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (k, b, txt, cl, bl) VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, 1);
            p.setBlob(2, blob);
            p.setClob(3, clob);
            p.setNClob(4, nclob);
            p.setObject(5, blob);
            p.executeUpdate();
        }
        try (ResultSet rs = row("SELECT b, txt, cl, bl FROM v WHERE k = 1")) {
            Blob b = rs.getBlob(1);
            assertThat(b.length()).isEqualTo(5);
            assertThat(b.getBytes(2, 3)).containsExactly(2, 3, 4);
            assertThat(b.getBinaryStream().readAllBytes()).containsExactly(1, 2, 3, 4, 5);
            assertThat(b.position(new byte[] {3, 4}, 1)).isEqualTo(3);
            assertThat(rs.getObject("bl", Blob.class).getBytes(1, 10)).containsExactly(1, 2, 3, 4, 5);
            Clob t = rs.getClob("txt");
            assertThat(t.length()).isEqualTo(11);
            assertThat(t.getSubString(7, 5)).isEqualTo("world");
            assertThat(t.position("world", 1)).isEqualTo(7);
            assertThat(rs.getNClob("cl").getSubString(1, 100)).isEqualTo("grüße");
            assertThat(rs.getClob(3).getCharacterStream()).isInstanceOf(Reader.class);
            b.free();
            assertThatThrownBy(b::length).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> t.getSubString(0, 1)).satisfies(e -> assertThat(state(e)).isEqualTo("22003"));
        }
    }

    @Test
    void streamsWithAndWithoutLengths() throws SQLException, IOException {
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (k, b, txt, cl, bl) VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, 1);
            p.setBinaryStream(2, new ByteArrayInputStream(bytes));
            p.setCharacterStream(3, new StringReader("characters"));
            p.setAsciiStream(4, new ByteArrayInputStream(bytes));
            p.setBlob(5, new ByteArrayInputStream(bytes));
            p.executeUpdate();
            p.setInt(1, 2);
            p.setBinaryStream(2, new ByteArrayInputStream(bytes), 4);
            p.setCharacterStream(3, new StringReader("characters"), 4L);
            p.setAsciiStream(4, new ByteArrayInputStream(bytes), 3);
            p.setBlob(5, new ByteArrayInputStream(bytes), 2L);
            p.executeUpdate();
            p.setInt(1, 3);
            p.setBinaryStream(2, null);
            p.setClob(3, new StringReader("clob reader"));
            p.setClob(4, new StringReader("clob reader"), 4);
            p.setNCharacterStream(5, null);
            p.executeUpdate();
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT b, txt, cl, bl FROM v ORDER BY k")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).isEqualTo(bytes);
            assertThat(rs.getString(2)).isEqualTo("characters");
            assertThat(rs.getString(3)).isEqualTo("0123456789");
            assertThat(rs.getBinaryStream(4).readAllBytes()).isEqualTo(bytes);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).containsExactly('0', '1', '2', '3');
            assertThat(rs.getString(2)).isEqualTo("char");
            assertThat(rs.getString(3)).isEqualTo("012");
            assertThat(rs.getBlob(4).length()).isEqualTo(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBlob(1)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getClob(2).getSubString(1, 100)).isEqualTo("clob reader");
            assertThat(rs.getString(3)).isEqualTo("clob");
            assertThat(rs.getBinaryStream(4)).isNull();
        }
    }

    @Test
    void getObjectConvertsToTheRequestedClass() throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime tz = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (k, b, txt, d, tm, ts, tz, dec, u, big, i, si, ti, r, db, bo) "
                + "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setObject(1, new byte[] {9, 8});
            p.setObject(2, "42");
            p.setObject(3, LocalDate.of(2024, 2, 29));
            p.setObject(4, LocalTime.of(13, 14, 15));
            p.setObject(5, LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000));
            p.setObject(6, tz);
            p.setObject(7, new BigDecimal("12.34"));
            p.setObject(8, id);
            p.setObject(9, 1L << 40);
            p.setObject(10, 7);
            p.setObject(11, (short) 300);
            p.setObject(12, (byte) 5);
            p.setObject(13, 1.5f);
            p.setObject(14, 2.25d);
            p.setObject(15, true);
            p.executeUpdate();
        }
        try (ResultSet rs = row("SELECT b, txt, d, tm, ts, tz, dec, u, big, i, si, ti, r, db, bo FROM v")) {
            assertThat(rs.getObject(1, byte[].class)).containsExactly(9, 8);
            assertThat(rs.getObject(2, Integer.class)).isEqualTo(42);
            assertThat(rs.getObject(2, Long.class)).isEqualTo(42L);
            assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rs.getObject(4, LocalTime.class)).isEqualTo(LocalTime.of(13, 14, 15));
            assertThat(rs.getObject(5, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000));
            assertThat(rs.getObject(6, OffsetDateTime.class).toInstant()).isEqualTo(tz.toInstant());
            assertThat(rs.getObject(6, Instant.class)).isEqualTo(tz.toInstant());
            assertThat(rs.getObject(7, BigDecimal.class)).isEqualByComparingTo("12.34");
            assertThat(rs.getObject(8, UUID.class)).isEqualTo(id);
            assertThat(rs.getObject(8, String.class)).isEqualTo(id.toString());
            assertThat(rs.getObject(9, Long.class)).isEqualTo(1L << 40);
            assertThat(rs.getObject(9, BigInteger.class)).isEqualTo(BigInteger.ONE.shiftLeft(40));
            assertThat(rs.getObject(10, Integer.class)).isEqualTo(7);
            assertThat(rs.getObject(10, Double.class)).isEqualTo(7.0);
            assertThat(rs.getObject(11, Short.class)).isEqualTo((short) 300);
            assertThat(rs.getObject(12, Byte.class)).isEqualTo((byte) 5);
            assertThat(rs.getObject(13, Float.class)).isEqualTo(1.5f);
            assertThat(rs.getObject(14, Double.class)).isEqualTo(2.25d);
            assertThat(rs.getObject(15, Boolean.class)).isTrue();
            assertThat(rs.getObject(3, java.sql.Date.class)).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
            assertThatThrownBy(() -> rs.getObject(11, Byte.class)).satisfies(e -> assertThat(state(e)).isEqualTo("22003"));
            assertThatThrownBy(() -> rs.getObject(3, UUID.class)).satisfies(e -> assertThat(state(e)).isEqualTo("22018"));
            assertThatThrownBy(() -> rs.getObject(1, (Class<?>) null)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void setObjectConvertsToTheTargetSqlType() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (k, txt, d, dec, big, ts, bo) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setObject(1, "5", Types.INTEGER);
            p.setObject(2, LocalDate.of(2020, 1, 2), Types.VARCHAR);
            p.setObject(3, "2021-03-04", Types.DATE);
            p.setObject(4, 3.14159, Types.DECIMAL, 2);
            p.setObject(5, "123", JDBCType.BIGINT);
            p.setObject(6, LocalDate.of(2022, 5, 6), Types.TIMESTAMP);
            p.setObject(7, 1, Types.BOOLEAN);
            p.executeUpdate();
            assertThatThrownBy(() -> p.setObject(1, "x", Types.ARRAY)).satisfies(e -> assertThat(state(e)).isEqualTo("HYC00"));
            assertThatThrownBy(() -> p.setObject(1, "x", Types.INTEGER)).satisfies(e -> assertThat(state(e)).isEqualTo("22018"));
            assertThatThrownBy(() -> p.setObject(1, new Object())).isInstanceOf(SQLException.class);
        }
        try (ResultSet rs = row("SELECT k, txt, d, dec, big, ts, bo FROM v")) {
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getString(2)).isEqualTo("2020-01-02");
            assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2021, 3, 4));
            assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("3.14");
            assertThat(rs.getLong(5)).isEqualTo(123L);
            assertThat(rs.getObject(6, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2022, 5, 6, 0, 0));
            assertThat(rs.getBoolean(7)).isTrue();
        }
    }

    @Test
    void setNullWorksWithEveryType() throws SQLException {
        String[] columns = {"b", "txt", "d", "tm", "ts", "tz", "dec", "u", "big", "i", "si", "ti", "r", "db", "bo", "cl", "bl"};
        int k = 0;
        for (JDBCType type : JDBCType.values()) {
            for (String column : columns) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO v (k, " + column + ") VALUES (?, ?)")) {
                    p.setInt(1, ++k);
                    p.setNull(2, type.getVendorTypeNumber());
                    assertThat(p.executeUpdate()).isEqualTo(1);
                    p.setInt(1, ++k);
                    p.setNull(2, type.getVendorTypeNumber(), type.getName());
                    assertThat(p.executeUpdate()).isEqualTo(1);
                }
            }
        }
        try (ResultSet rs = row("SELECT COUNT(*) FROM v WHERE b IS NULL AND txt IS NULL AND d IS NULL AND tm IS NULL AND ts IS NULL "
                + "AND tz IS NULL AND dec IS NULL AND u IS NULL AND big IS NULL AND i IS NULL AND si IS NULL AND ti IS NULL "
                + "AND r IS NULL AND db IS NULL AND bo IS NULL AND cl IS NULL AND bl IS NULL")) {
            assertThat(rs.getInt(1)).isEqualTo(k);
        }
    }

    @Test
    void aStreamThatFailsIsADataError() throws SQLException {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (k, b) VALUES (1, ?)")) {
            assertThatThrownBy(() -> p.setBinaryStream(1, broken)).satisfies(e -> assertThat(state(e)).isEqualTo("22000"));
        }
    }
}
