package dev.lightningdb.sql.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secondary index that holds every column a query reads from its table answers alone (index-only,
 * no row fetch): EXPLAIN says so, and the rows are those of a full scan, NULLs and the transaction's
 * own uncommitted writes included.
 */
class IndexOnlyScanTest extends SqlTestSupport {
    @BeforeEach
    void data() {
        update("CREATE TABLE t (a INT, b VARCHAR(10), c INT, d DOUBLE, note VARCHAR(10), PRIMARY KEY (a, b))");
        update("CREATE INDEX t_c_note ON t (c, note)");
        update("CREATE INDEX t_d ON t (d)");
        update("CREATE UNIQUE INDEX t_note ON t (note)");
        update("INSERT INTO t VALUES (1, 'x', 10, -0.0, 'n1'), (1, 'y', 10, 1.5, NULL), (2, 'x', NULL, NULL, 'n3'),"
                + " (3, 'z', 20, 2.5, 'n4'), (4, 'x', 10, 3.5, 'n5')");
    }

    private String plan(String sql) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> line : rows("EXPLAIN " + sql)) {
            sb.append(line.get(0)).append('\n');
        }
        return sb.toString();
    }

    /** The rows of {@code where}, read through the planned path and through a full scan (expressions hide the columns). */
    private void assertSameAsFullScan(String select, String where, Object... params) {
        String forced = where.replace("c ", "(c + 0) ").replace("note ", "(note || '') ");
        List<List<Object>> planned = rows(select + " WHERE " + where + " ORDER BY 1, 2, 3", params);
        List<List<Object>> scanned = rows(select + " WHERE " + forced + " ORDER BY 1, 2, 3", params);
        assertThat(planned).as(where).isEqualTo(scanned);
    }

    @Test
    void explainShowsIndexOnlyForACoveredQueryOnly() {
        assertThat(plan("SELECT a, b, c FROM t WHERE c = 10")).contains("index-only T_C_NOTE lookup");
        assertThat(plan("SELECT note, a FROM t WHERE c > 15")).contains("index-only T_C_NOTE range");
        assertThat(plan("SELECT COUNT(*) FROM t WHERE c = 20")).contains("index-only T_C_NOTE lookup");
        assertThat(plan("SELECT a FROM t WHERE note = 'n1'")).contains("index-only T_NOTE lookup");
        assertThat(plan("SELECT a, d FROM t WHERE c = 10")).contains("index T_C_NOTE lookup").doesNotContain("index-only");
        assertThat(plan("SELECT * FROM t WHERE c = 10")).doesNotContain("index-only");
        // -0.0 is stored as 0.0 in keys: a DOUBLE column never comes from an index entry
        assertThat(plan("SELECT a, d FROM t WHERE d = 1.5")).doesNotContain("index-only");
    }

    @Test
    void indexOnlyRowsEqualFullScanRows() {
        String[] wheres = {"c = 10", "c > 15", "c < 15", "c IS NULL", "c = 10 AND note > 'n1'", "note = 'n4'", "note >= 'n3'"};
        for (String where : wheres) {
            assertSameAsFullScan("SELECT a, b, c, note FROM t", where);
            assertSameAsFullScan("SELECT b, a, note FROM t", where);
        }
        assertThat(rows("SELECT a, b, note FROM t WHERE c = 10 ORDER BY a DESC, b DESC"))
                .containsExactly(List.of(4, "x", "n5"), java.util.Arrays.asList(1, "y", null), List.of(1, "x", "n1"));
        assertThat(single("SELECT COUNT(*) FROM t WHERE c = ?", 10)).isEqualTo(3L);
    }

    @Test
    void indexOnlyScansSeeTheTransactionsOwnWrites() {
        session.setAutoCommit(false);
        update("INSERT INTO t VALUES (5, 'w', 10, 0.0, 'n6')");
        update("UPDATE t SET c = 30 WHERE a = 1 AND b = 'x'");
        update("DELETE FROM t WHERE a = 4");
        update("UPDATE t SET note = 'm2' WHERE a = 1 AND b = 'y'");
        assertThat(plan("SELECT a, b, note FROM t WHERE c = 10")).contains("index-only");
        assertThat(rows("SELECT a, b, note FROM t WHERE c = 10 ORDER BY a"))
                .containsExactly(List.of(1, "y", "m2"), List.of(5, "w", "n6"));
        assertThat(rows("SELECT a, b FROM t WHERE c = 30")).containsExactly(List.of(1, "x"));
        assertThat(single("SELECT COUNT(*) FROM t WHERE c >= 10")).isEqualTo(4L);
        session.rollback();
        assertThat(single("SELECT COUNT(*) FROM t WHERE c = 10")).isEqualTo(3L);
    }
}
