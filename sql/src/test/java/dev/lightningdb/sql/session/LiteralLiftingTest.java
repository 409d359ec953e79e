package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightningdb.sql.session.StatementCache;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Texts differing only in the literals they compare columns with share one plan, with unchanged results. */
class LiteralLiftingTest extends SqlTestSupport {
    @BeforeEach
    void data() {
        update("CREATE TABLE t (id INT PRIMARY KEY, n INT, d DOUBLE, m DECIMAL(5,2), s VARCHAR(10), b BOOLEAN)");
        update("INSERT INTO t VALUES (1, 5, 0.1, 1.23, 'ab', TRUE), (2, 6, 0.5, 2.00, 'ab ', FALSE), (3, 5, 2.0, NULL, 'x', NULL)");
    }

    private long version() {
        return session.catalog().version();
    }

    @Test
    void textsDifferingInLiteralsShareAPlan() {
        assertThat(rows("SELECT id FROM t WHERE n = 5 ORDER BY id")).containsExactly(List.of(1), List.of(3));
        StatementCache.LiftedPlan first = db.statements().liftedPlan("PUBLIC", "SELECT id FROM t WHERE n = ? ORDER BY id", version());
        assertThat(first).isNotNull();
        assertThat(first.plan()).isNotNull();
        assertThat(rows("SELECT id FROM t WHERE n = 6 ORDER BY id")).containsExactly(List.of(2));
        assertThat(db.statements().liftedPlan("PUBLIC", "SELECT id FROM t WHERE n = ? ORDER BY id", version())).isSameAs(first);
        assertThat(rows("SELECT id FROM t WHERE 5 = n AND s = 'x'")).containsExactly(List.of(3));
        assertThat(rows("SELECT id FROM t WHERE n BETWEEN 6 AND 7")).containsExactly(List.of(2));
        assertThat(rows("SELECT id FROM t\nWHERE n >= -1\n  AND s <> 'ab' ORDER BY id")).containsExactly(List.of(2), List.of(3));
    }

    @Test
    void literalsThatDoNotFitTheColumnKeepTheirOwnMeaning() {
        rows("SELECT id FROM t WHERE n = 5"); // plans the shared form first
        assertThat(rows("SELECT id FROM t WHERE n = 5.5")).isEmpty(); // not rounded to an INT
        assertThat(rows("SELECT id FROM t WHERE n = 3000000000")).isEmpty();
        assertThat(rows("SELECT id FROM t WHERE n < 5.5 ORDER BY id")).containsExactly(List.of(1), List.of(3));
        rows("SELECT id FROM t WHERE m = 2");
        assertThat(rows("SELECT id FROM t WHERE m = 1.234")).isEmpty(); // not rounded to DECIMAL(5,2)
        assertThat(rows("SELECT id FROM t WHERE m = 1.230")).containsExactly(List.of(1));
        rows("SELECT id FROM t WHERE s = 'q'");
        assertThat(rows("SELECT id FROM t WHERE s = 'abcdefghijklmnop'")).isEmpty(); // longer than VARCHAR(10)
        assertThat(rows("SELECT id FROM t WHERE s = 'ab '")).containsExactly(List.of(2));
        assertThat(rows("SELECT id FROM t WHERE d = 0.1")).containsExactly(List.of(1));
        assertThat(rows("SELECT id FROM t WHERE d = 1e-1")).containsExactly(List.of(1));
    }

    @Test
    void ownParametersAndLiftedLiteralsMix() {
        assertThat(rows("SELECT id FROM t WHERE n = 5 AND id > ? ORDER BY id", 1)).containsExactly(List.of(3));
        assertThat(rows("SELECT id FROM t WHERE id > ? AND n = 5 ORDER BY id", 0)).containsExactly(List.of(1), List.of(3));
        assertThat(rows("SELECT id, m FROM t WHERE s = ? AND n = 5", "ab")).containsExactly(List.of(1, new BigDecimal("1.23")));
        assertThat(rows("SELECT id FROM t WHERE n = 5 UNION SELECT id FROM t WHERE n = 6 ORDER BY 1 LIMIT ?", 2))
                .containsExactly(List.of(1), List.of(2));
        update("CREATE SEQUENCE q");
        assertThat(rows("SELECT NEXT VALUE FOR q, id FROM t WHERE n = 6")).containsExactly(List.of(1L, 2));
        assertThat(rows("SELECT NEXT VALUE FOR q, id FROM t WHERE n = 6 AND id < ?", 9)).containsExactly(List.of(2L, 2));
    }

    @Test
    void errorsAreThoseOfTheTextAsWritten() {
        assertFails("22018", "SELECT id FROM t WHERE n = 'five'");
        assertFails("42S22", "SELECT id FROM t WHERE nope = 5");
        assertThat(rows("SELECT id FROM t WHERE b = TRUE")).containsExactly(List.of(1));
    }
}
