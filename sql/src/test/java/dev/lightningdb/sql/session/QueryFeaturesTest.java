package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryFeaturesTest extends SqlTestSupport {
    @BeforeEach
    void data() {
        update("CREATE TABLE a (id INT PRIMARY KEY, tag VARCHAR(10))");
        update("CREATE TABLE b (id INT PRIMARY KEY, tag VARCHAR(10))");
        update("INSERT INTO a VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        update("INSERT INTO b VALUES (2, 'y'), (3, 'q'), (4, 'w')");
    }

    @Test
    void setOperations() {
        assertThat(rows("SELECT id FROM a UNION SELECT id FROM b ORDER BY id")).containsExactly(List.of(1), List.of(2), List.of(3), List.of(4));
        assertThat(rows("SELECT id FROM a UNION ALL SELECT id FROM b ORDER BY 1")).hasSize(6);
        assertThat(rows("SELECT id, tag FROM a INTERSECT SELECT id, tag FROM b")).containsExactly(List.of(2, "y"));
        assertThat(rows("SELECT id FROM a EXCEPT SELECT id FROM b")).containsExactly(List.of(1));
        // INTERSECT binds tighter than UNION
        assertThat(rows("SELECT id FROM a WHERE id = 1 UNION SELECT id FROM a INTERSECT SELECT id FROM b ORDER BY id"))
                .containsExactly(List.of(1), List.of(2), List.of(3));
        assertThat(rows("(SELECT id FROM a ORDER BY id DESC LIMIT 1) UNION ALL (SELECT id FROM b ORDER BY id LIMIT 1) ORDER BY 1"))
                .containsExactly(List.of(2), List.of(3));
    }

    @Test
    void commonTableExpressionsAndValues() {
        assertThat(rows("WITH big (n) AS (SELECT id FROM a WHERE id > 1), both_ AS (SELECT id FROM b) "
                + "SELECT n FROM big WHERE n IN (SELECT id FROM both_) ORDER BY n")).containsExactly(List.of(2), List.of(3));
        assertThat(rows("VALUES (1, 'one'), (2, 'two')")).containsExactly(List.of(1, "one"), List.of(2, "two"));
        assertThat(rows("SELECT * FROM (VALUES (5), (6)) AS v (k) WHERE k > 5")).containsExactly(List.of(6));
    }

    @Test
    void stringNumericAndDateFunctions() {
        assertThat(single("SELECT UPPER(tag) || LOWER('AB') FROM a WHERE id = 1")).isEqualTo("Xab");
        assertThat(single("SELECT SUBSTRING('lightning' FROM 2 FOR 4)")).isEqualTo("ight");
        assertThat(single("SELECT SUBSTRING('lightning', 6)")).isEqualTo("ning");
        assertThat(single("SELECT TRIM(BOTH 'x' FROM 'xxhixx')")).isEqualTo("hi");
        assertThat(single("SELECT TRIM('  pad  ')")).isEqualTo("pad");
        assertThat(single("SELECT POSITION('ght' IN 'lightning')")).isEqualTo(3);
        assertThat(single("SELECT CHAR_LENGTH('héllo')")).isEqualTo(5);
        assertThat(single("SELECT LENGTH('abc')")).isEqualTo(3);
        assertThat(single("SELECT REPLACE('a-b-c', '-', '+')")).isEqualTo("a+b+c");
        assertThat(single("SELECT ABS(-4) + MOD(10, 3) + CEIL(1.2) + FLOOR(1.8)")).isNotNull();
        assertThat(single("SELECT ROUND(2.567, 2)").toString()).isEqualTo("2.57");
        assertThat(single("SELECT EXTRACT(YEAR FROM DATE '2024-02-29')")).isEqualTo(2024L);
        assertThat(single("SELECT EXTRACT(MONTH FROM TIMESTAMP '2024-02-29 10:11:12')")).isEqualTo(2L);
        assertThat(single("SELECT COALESCE(NULLIF(1, 1), 7)")).isEqualTo(7);
    }

    @Test
    void truthTests() {
        update("CREATE TABLE f (id INT PRIMARY KEY, ok BOOLEAN)");
        update("INSERT INTO f VALUES (1, TRUE), (2, FALSE), (3, NULL)");
        assertThat(rows("SELECT id FROM f WHERE ok IS TRUE")).containsExactly(List.of(1));
        assertThat(rows("SELECT id FROM f WHERE ok IS NOT TRUE ORDER BY id")).containsExactly(List.of(2), List.of(3));
        assertThat(rows("SELECT id FROM f WHERE ok IS UNKNOWN")).containsExactly(List.of(3));
    }

    @Test
    void uuidAndTimestampWithTimeZoneColumns() {
        update("CREATE TABLE u (id UUID PRIMARY KEY, at TIMESTAMP WITH TIME ZONE, body CLOB, data BLOB)");
        UUID first = UUID.fromString("00000000-0000-0000-0000-000000000001");
        // keys sort unsigned, but ORDER BY uses Java 17's signed UUID order (docs/design.md): stay below 8000...
        UUID last = UUID.fromString("7fffffff-0000-0000-0000-000000000000");
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2));
        update("INSERT INTO u VALUES (?, ?, ?, ?)", last, at, "long text", new byte[] {1, 2});
        update("INSERT INTO u VALUES (?, ?, NULL, NULL)", first.toString(), "2024-05-06 05:08:09Z");
        List<List<Object>> r = rows("SELECT id, at, body FROM u ORDER BY id");
        assertThat(r.get(0).get(0)).isEqualTo(first);
        assertThat(r.get(1).get(0)).isEqualTo(last);
        assertThat(((OffsetDateTime) r.get(1).get(1)).toInstant()).isEqualTo(at.toInstant());
        assertThat(r.get(0).get(1)).isEqualTo(r.get(1).get(1)); // the same instant
        assertThat(r.get(1).get(2)).isEqualTo("long text");
        assertThat(rows("SELECT id FROM u WHERE id = ?", last)).containsExactly(List.of(last));
    }
}
