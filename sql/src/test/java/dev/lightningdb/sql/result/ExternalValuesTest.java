package dev.lightningdb.sql.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The conversion table the SQL layer and the JDBC driver share: what reads as what, and the SQLState of what does not. */
class ExternalValuesTest {
    private static void fails(String sqlState, Executable read) {
        assertThatThrownBy(read::execute).isInstanceOf(SqlError.class)
                .satisfies(e -> assertThat(((SqlError) e).sqlState()).isEqualTo(sqlState));
    }

    @Test
    void exactNumbers() {
        assertThat(ExternalValues.exactNumber(new BigDecimal("1.50"), "X")).isEqualTo(new BigDecimal("1.50"));
        assertThat(ExternalValues.exactNumber((byte) -3, "X")).isEqualTo(BigDecimal.valueOf(-3));
        assertThat(ExternalValues.exactNumber(Long.MAX_VALUE, "X")).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
        assertThat(ExternalValues.exactNumber(BigInteger.TWO.pow(70), "X")).isEqualTo(new BigDecimal(BigInteger.TWO.pow(70)));
        assertThat(ExternalValues.exactNumber(0.1f, "X")).isEqualTo(BigDecimal.valueOf((double) 0.1f));
        assertThat(ExternalValues.exactNumber(true, "X")).isEqualTo(BigDecimal.ONE);
        assertThat(ExternalValues.exactNumber(" -12.5e1 ", "X")).isEqualTo(new BigDecimal("-12.5e1"));
        fails("22003", () -> ExternalValues.exactNumber(Double.NaN, "X"));
        fails("22003", () -> ExternalValues.exactNumber(Float.NEGATIVE_INFINITY, "X"));
        fails("22018", () -> ExternalValues.exactNumber("12 apples", "X"));
        fails("22018", () -> ExternalValues.exactNumber("", "X"));
        fails("22018", () -> ExternalValues.exactNumber(LocalDate.EPOCH, "X"));
        fails("22018", () -> ExternalValues.exactNumber(new java.util.concurrent.atomic.AtomicLong(1), "X"));
    }

    @Test
    void approximateNumbers() {
        assertThat(ExternalValues.approximateNumber(new BigDecimal("2.5"), "X")).isEqualTo(2.5);
        assertThat(ExternalValues.approximateNumber(" 1e3 ", "X")).isEqualTo(1000.0);
        assertThat(ExternalValues.approximateNumber("NaN", "X")).isNaN();
        fails("22018", () -> ExternalValues.approximateNumber("one", "X"));
        fails("22018", () -> ExternalValues.approximateNumber(true, "X"));
    }

    @Test
    void truthValues() {
        for (String t : new String[] {"true", " TRUE ", "t", "Yes", "y", "1"}) {
            assertThat(ExternalValues.truthValue(t, "X")).as(t).isTrue();
        }
        for (String f : new String[] {"false", "F", "no", "N", "0"}) {
            assertThat(ExternalValues.truthValue(f, "X")).as(f).isFalse();
        }
        assertThat(ExternalValues.truthValue(-7, "X")).isTrue();
        assertThat(ExternalValues.truthValue(0L, "X")).isFalse();
        fails("22018", () -> ExternalValues.truthValue("maybe", "X"));
        fails("22018", () -> ExternalValues.truthValue("10", "X"));
        fails("22018", () -> ExternalValues.truthValue(0.5, "X")); // the driver reads any number itself
    }

    @Test
    void datesAndTimes() {
        LocalDateTime noon = LocalDateTime.of(2024, 2, 29, 12, 0, 1, 5_000_000);
        assertThat(ExternalValues.date(noon, "X")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ExternalValues.date(" 2024-02-29 ", "X")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ExternalValues.time(noon, "X")).isEqualTo(noon.toLocalTime());
        assertThat(ExternalValues.time("12:00", "X")).isEqualTo(LocalTime.NOON);
        assertThat(ExternalValues.timestamp(LocalDate.of(2024, 2, 29), "X")).isEqualTo(LocalDate.of(2024, 2, 29).atStartOfDay());
        assertThat(ExternalValues.timestamp("2024-02-29", "X")).isEqualTo(LocalDate.of(2024, 2, 29).atStartOfDay());
        assertThat(ExternalValues.timestamp("2024-02-29 12:00:01.005", "X")).isEqualTo(noon);
        assertThat(ExternalValues.timestamp("2024-02-29T12:00:01.005", "X")).isEqualTo(noon);
        fails("22007", () -> ExternalValues.date("2023-02-29", "X"));
        fails("22007", () -> ExternalValues.time("25:00", "X"));
        fails("22007", () -> ExternalValues.timestamp("yesterday", "X"));
        fails("22018", () -> ExternalValues.date(LocalTime.NOON, "X"));
        fails("22018", () -> ExternalValues.time(LocalDate.EPOCH, "X"));
        fails("22018", () -> ExternalValues.timestamp(20240229, "X"));
        assertThatThrownBy(() -> ExternalValues.date("2023-02-30", "DATE")).hasMessageContaining("DATE (expected yyyy-mm-dd)");
    }

    @Test
    void uuids() {
        UUID u = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (i * 0x11);
        }
        assertThat(ExternalValues.uuid(u, "X")).isSameAs(u);
        assertThat(ExternalValues.uuid(" " + u + " ", "X")).isEqualTo(u);
        assertThat(ExternalValues.uuid(bytes, "X")).isEqualTo(u);
        fails("22018", () -> ExternalValues.uuid("not-a-uuid", "X"));
        fails("22018", () -> ExternalValues.uuid(new byte[15], "X"));
    }

    @Test
    void messagesNameTheValueShortly() {
        String longText = "x".repeat(100);
        assertThatThrownBy(() -> ExternalValues.exactNumber(longText, "INTEGER"))
                .hasMessage("Cannot convert '" + "x".repeat(37) + "...' to INTEGER");
        assertThatThrownBy(() -> ExternalValues.uuid(42, "UUID")).hasMessage("Cannot convert a value of type Integer to UUID");
    }
}
