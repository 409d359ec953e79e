package dev.lightningdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What the JDBC getters and setters make of external values: the shared table plus JDBC's own rules. */
class JdbcValuesTest {
    private static void fails(String sqlState, ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOf(SQLDataException.class)
                .satisfies(e -> assertThat(((SQLDataException) e).getSQLState()).isEqualTo(sqlState));
    }

    @Test
    void numbers() throws Exception {
        assertThat(JdbcValues.integral(new BigDecimal("2.7"), Integer.MIN_VALUE, Integer.MAX_VALUE, "int")).isEqualTo(2);
        assertThat(JdbcValues.integral(" 42 ", Integer.MIN_VALUE, Integer.MAX_VALUE, "int")).isEqualTo(42);
        assertThat(JdbcValues.integral(true, Integer.MIN_VALUE, Integer.MAX_VALUE, "int")).isEqualTo(1);
        assertThat(JdbcValues.integral(null, Integer.MIN_VALUE, Integer.MAX_VALUE, "int")).isZero();
        assertThat(JdbcValues.decimal(1.5f, "BigDecimal")).isEqualTo(new BigDecimal("1.5"));
        assertThat(JdbcValues.floating(true, "double")).isEqualTo(1.0);
        assertThat(JdbcValues.floating(" 2.5 ", "double")).isEqualTo(2.5);
        fails("22003", () -> JdbcValues.integral(300, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte"));
        fails("22003", () -> JdbcValues.integral(new BigDecimal("2147483647.5"), Integer.MIN_VALUE, Integer.MAX_VALUE, "int"));
        fails("22003", () -> JdbcValues.decimal(Double.POSITIVE_INFINITY, "BigDecimal"));
        fails("22018", () -> JdbcValues.integral("forty-two", Integer.MIN_VALUE, Integer.MAX_VALUE, "int"));
        fails("22018", () -> JdbcValues.floating(LocalDate.EPOCH, "double"));
    }

    @Test
    void booleans() throws Exception {
        assertThat(JdbcValues.bool(0.5)).isTrue(); // any number, unlike a BOOLEAN column's coercion
        assertThat(JdbcValues.bool(BigDecimal.ZERO)).isFalse();
        assertThat(JdbcValues.bool(" Yes ")).isTrue();
        assertThat(JdbcValues.bool("n")).isFalse();
        assertThat(JdbcValues.bool(null)).isFalse();
        fails("22018", () -> JdbcValues.bool("maybe"));
        fails("22018", () -> JdbcValues.bool(LocalTime.NOON));
    }

    @Test
    void datesTimesAndUuids() throws Exception {
        assertThat(JdbcValues.toLocalDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(JdbcValues.toLocalTime(LocalDateTime.of(2024, 2, 29, 1, 2))).isEqualTo(LocalTime.of(1, 2));
        assertThat(JdbcValues.toLocalDateTime(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29).atStartOfDay());
        assertThat(JdbcValues.toLocalDateTime("2024-1-5 01:02:03.5")).isEqualTo(LocalDateTime.of(2024, 1, 5, 1, 2, 3, 500_000_000));
        assertThat(JdbcValues.toLocalDateTime(null)).isNull();
        fails("22007", () -> JdbcValues.toLocalDate("29.02.2024"));
        fails("22007", () -> JdbcValues.toLocalDateTime("2024-01-05T01:02:03")); // JDBC's escape format only
        fails("22018", () -> JdbcValues.toLocalTime(LocalDate.EPOCH));
        UUID u = UUID.randomUUID();
        assertThat(JdbcValues.convert(u.toString(), UUID.class, "UUID")).isEqualTo(u);
        fails("22018", () -> JdbcValues.convert("nope", UUID.class, "UUID"));
        fails("22018", () -> JdbcValues.toSqlType("x", Types.INTEGER, -1));
    }
}
