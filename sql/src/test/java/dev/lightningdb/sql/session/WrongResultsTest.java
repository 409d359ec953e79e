package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Results Calcite's defaults got wrong, now as H2 and PostgreSQL give them: CHAR comparisons that
 * ignore the pad, integer functions and aggregates that do not wrap, POWER/SQRT and TIME text outside
 * their domain, UUIDs in unsigned order, and string results bounded in size. (The tck's
 * WrongResultsDifferentialTest runs the same cases against H2.)
 */
class WrongResultsTest extends SqlTestSupport {
    @Test
    void charComparisonsIgnoreTrailingSpaces() {
        update("CREATE TABLE ch (id INT PRIMARY KEY, c CHAR(4), v VARCHAR(6))");
        update("INSERT INTO ch VALUES (1, 'ab', 'ab '), (2, 'abcd', 'abcd'), (3, NULL, NULL)");
        assertThat(rows("SELECT id FROM ch WHERE c = 'ab'")).containsExactly(List.of(1));
        assertThat(rows("SELECT id FROM ch WHERE c = 'ab     '")).containsExactly(List.of(1));
        assertThat(rows("SELECT id FROM ch WHERE c = ?", "ab")).containsExactly(List.of(1));
        assertThat(rows("SELECT id FROM ch WHERE c IN ('ab', 'x')")).containsExactly(List.of(1));
        assertThat(rows("SELECT id FROM ch WHERE c = v ORDER BY id")).containsExactly(List.of(1), List.of(2));
        assertThat(rows("SELECT id FROM ch WHERE c > 'ab'")).containsExactly(List.of(2));
        assertThat(rows("SELECT id FROM ch WHERE c = 'abcde'")).isEmpty();
    }

    @Test
    void aCharKeyIsLookedUpByAShorterLiteral() {
        update("CREATE TABLE chk (c CHAR(4) PRIMARY KEY, n INT)");
        update("INSERT INTO chk VALUES ('ab', 1), ('abcd', 2)");
        assertThat(rows("SELECT n FROM chk WHERE c = 'ab'")).containsExactly(List.of(1));
        assertThat(rows("EXPLAIN SELECT n FROM chk WHERE c = 'ab'").toString()).contains("primary key lookup");
        assertThat(update("UPDATE chk SET n = 10 WHERE c = 'ab '")).isEqualTo(1);
        assertThat(update("DELETE FROM chk WHERE c = 'abcd'")).isEqualTo(1);
    }

    @Test
    void integerFunctionsAndAggregatesDoNotWrap() {
        update("CREATE TABLE n (id INT PRIMARY KEY, i INT, b BIGINT)");
        update("INSERT INTO n VALUES (1, 2147483647, 9223372036854775807), (2, 2147483647, 1), (3, -2147483648, NULL)");
        assertFails("22003", "SELECT ABS(-2147483648)");
        assertFails("22003", "SELECT ABS(i) FROM n WHERE id = 3");
        assertThat(single("SELECT SUM(i) FROM n WHERE id < 3")).isEqualTo(4294967294L);
        assertThat(single("SELECT SUM(b) FROM n")).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(single("SELECT AVG(id) FROM n")).isEqualTo(2.0);
        assertThat(single("SELECT AVG(b) FROM n")).isEqualTo(4.611686018427388E18);
    }

    @Test
    void functionsOutsideTheirDomainAreDataErrors() {
        assertFails("2201F", "SELECT POWER(0, -1)");
        assertFails("2201F", "SELECT SQRT(-1)").hasMessageContaining("square root");
        assertFails("2201E", "SELECT LN(0)");
        assertFails("22007", "SELECT CAST('25:00' AS TIME)");
        assertFails("22007", "SELECT CAST('12:60' AS TIME)");
        assertThat(single("SELECT CAST('23:59:59' AS TIME)").toString()).isEqualTo("23:59:59");
    }

    @Test
    void uuidsSortUnsigned() {
        update("CREATE TABLE u (id INT PRIMARY KEY, x UUID)");
        update("INSERT INTO u VALUES (1, '7fffffff-ffff-ffff-ffff-ffffffffffff'), (2, '80000000-0000-0000-0000-000000000000'),"
                + " (3, '00000000-0000-0000-0000-000000000001')");
        assertThat(rows("SELECT id FROM u ORDER BY x")).containsExactly(List.of(3), List.of(1), List.of(2));
        assertThat(single("SELECT MAX(x) FROM u")).isEqualTo(UUID.fromString("80000000-0000-0000-0000-000000000000"));
        assertThat(rows("SELECT id FROM u WHERE x > '7fffffff-ffff-ffff-ffff-ffffffffffff'")).containsExactly(List.of(2));
    }

    @Test
    void stringResultsBeyondTheLimitFailWithoutExhaustingTheHeap() {
        assertFails("54000", "SELECT REPEAT('ab', 999999999)").hasMessageContaining("16777216");
        assertFails("54000", "SELECT LPAD('a', 999999999, 'x')");
        assertFails("54000", "SELECT REPEAT('ab', 8000000) || REPEAT('ab', 8000000)");
        assertThat(single("SELECT CHAR_LENGTH(REPEAT('ab', 3) || 'c')")).isEqualTo(7);
    }

    @Test
    void aWindowSumOfBigintsIsWidenedLikeAPlainSum() {
        update("CREATE TABLE w (id INT PRIMARY KEY, g INT, v BIGINT)");
        update("INSERT INTO w VALUES (1, 1, 9223372036854775807), (2, 1, 1), (3, 2, 5)");
        assertThat(rows("SELECT id, SUM(v) OVER (PARTITION BY g ORDER BY id) FROM w ORDER BY id")).containsExactly(
                List.of(1, new java.math.BigDecimal("9223372036854775807")), List.of(2, new java.math.BigDecimal("9223372036854775808")),
                List.of(3, new java.math.BigDecimal("5")));
    }
}
