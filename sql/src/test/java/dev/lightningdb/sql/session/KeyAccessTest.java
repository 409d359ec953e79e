package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.result.QueryResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyAccessTest extends SqlTestSupport {
    @BeforeEach
    void data() {
        update("CREATE TABLE kv (region VARCHAR(4), id INT, v VARCHAR(10), n INT, PRIMARY KEY (region, id))");
        update("INSERT INTO kv VALUES ('eu', 1, 'a', 1), ('eu', 2, 'b', 2), ('us', 1, 'c', 3), ('us', 5, 'd', 4), ('zz', 0, 'e', 5)");
    }

    @Test
    void pointSelectsSkipThePlannerAndAnswerLikeIt() {
        assertThat(rows("SELECT v, n AS num FROM kv WHERE id = 2 AND region = 'eu'")).containsExactly(List.of("b", 2));
        assertThat(rows("SELECT * FROM kv k WHERE k.region = ? AND k.id = ?", "us", 5)).containsExactly(List.of("us", 5, "d", 4));
        assertThat(rows("SELECT v FROM kv WHERE region = 'eu' AND id = 2.5")).isEmpty(); // no INTEGER equals 2.5
        assertThat(rows("SELECT v FROM kv WHERE region = 'eu' AND id = 1.5e0")).isEmpty(); // nor 1.5e0: never rounded to 2
        assertThat(rows("SELECT v FROM kv WHERE region = 'eu' AND id = 2e0")).containsExactly(List.of("b"));
        assertThat(update("UPDATE kv SET n = 9 WHERE region = 'eu' AND id = 1.5e0")).isZero();
        assertThat(rows("SELECT n FROM kv WHERE region = 'eu' AND id = 2")).containsExactly(List.of(2));
        assertThat(rows("SELECT v FROM kv WHERE region = 'eu' AND id = 99999999999")).isEmpty();
        assertThat(rows("SELECT v FROM kv WHERE region = ? AND id = ?", null, 1)).isEmpty();
        // the same statement through Calcite (not a point shape) agrees
        assertThat(rows("SELECT v FROM kv WHERE region = 'eu' AND id = 2 AND n > 0")).containsExactly(List.of("b"));
        try (QueryResult r = (QueryResult) session.execute("SELECT v, n AS num FROM kv WHERE id = 2 AND region = 'eu'")) {
            assertThat(r.columns()).extracting(c -> c.label()).containsExactly("V", "NUM");
        }
    }

    @Test
    void pointUpdatesAndDeletes() {
        assertThat(update("UPDATE kv SET v = ?, n = 10 WHERE region = 'us' AND id = ?", "z", 1)).isEqualTo(1);
        assertThat(update("UPDATE kv SET v = 'q' WHERE region = 'us' AND id = 42")).isZero();
        assertThat(rows("SELECT v, n FROM kv WHERE region = 'us' AND id = 1")).containsExactly(List.of("z", 10));
        assertThat(update("DELETE FROM kv WHERE region = 'eu' AND id = 1")).isEqualTo(1);
        assertThat(update("DELETE FROM kv WHERE region = 'eu' AND id = 1")).isZero();
        assertFails("22001", "UPDATE kv SET v = 'far too long value' WHERE region = 'eu' AND id = 2");
        assertThat(single("SELECT COUNT(*) FROM kv")).isEqualTo(4L);
    }

    @Test
    void getScanAndPut() {
        assertThat(rows("GET FROM kv WHERE id = 5 AND region = 'us'")).containsExactly(List.of("us", 5, "d", 4));
        assertThat(rows("GET FROM kv WHERE region = 'us' AND id = 6")).isEmpty();
        assertFails("42000", "GET FROM kv WHERE region = 'us'");
        assertThat(rows("SCAN kv FROM ('eu') TO ('us')")).extracting(r -> r.get(2)).containsExactly("a", "b");
        assertThat(rows("SCAN kv FROM ('us', 2)")).extracting(r -> r.get(2)).containsExactly("d", "e");
        assertThat(rows("SCAN kv REVERSE")).extracting(r -> r.get(2)).containsExactly("e", "d", "c", "b", "a");
        assertThat(rows("SCAN kv LIMIT ? REVERSE", 2)).extracting(r -> r.get(2)).containsExactly("e", "d");
        assertThat(rows("SCAN kv FROM ? TO ?", "us", "zz")).extracting(r -> r.get(2)).containsExactly("c", "d");
        assertFails("2201W", "SCAN kv LIMIT -1");
        assertThat(update("PUT INTO kv VALUES ('eu', 1, 'A', 100), ('new', 1, 'n', NULL)")).isEqualTo(2);
        assertThat(rows("GET FROM kv WHERE region = 'eu' AND id = 1")).containsExactly(List.of("eu", 1, "A", 100));
        assertThat(rows("GET FROM kv WHERE region = 'new' AND id = 1")).containsExactly(Arrays.asList("new", 1, "n", null));
    }

    @Test
    void insertOnConflict() {
        assertThat(update("INSERT INTO kv VALUES ('eu', 1, 'x', 0), ('eu', 9, 'y', 0) ON CONFLICT DO NOTHING")).isEqualTo(1);
        assertThat(rows("SELECT v FROM kv WHERE region = 'eu' AND id = 1")).containsExactly(List.of("a"));
        assertThat(update("INSERT INTO kv VALUES ('eu', 1, 'x', 7) ON CONFLICT (region, id) DO UPDATE SET v = EXCLUDED.v, n = 70")).isEqualTo(1);
        assertThat(rows("SELECT v, n FROM kv WHERE region = 'eu' AND id = 1")).containsExactly(List.of("x", 70));
        assertFails("23505", "INSERT INTO kv VALUES ('eu', 1, 'p', 0), ('eu', 1, 'q', 0) ON CONFLICT DO UPDATE SET v = EXCLUDED.v");
        assertFails("HYC00", "INSERT INTO kv VALUES ('eu', 1, 'p', 0) ON CONFLICT DO UPDATE SET n = n + 1");
    }

    @Test
    void thePlanCacheServesRepeatedTextAndFollowsDdl() {
        for (int i = 0; i < 3; i++) {
            assertThat(single("SELECT COUNT(*) FROM kv WHERE n > 1")).isEqualTo(4L);
        }
        update("DROP TABLE kv");
        update("CREATE TABLE kv (region VARCHAR(4), id INT, v VARCHAR(10), n INT, PRIMARY KEY (region, id))");
        assertThat(single("SELECT COUNT(*) FROM kv WHERE n > 1")).isEqualTo(0L); // not the old table's plan
    }
}
