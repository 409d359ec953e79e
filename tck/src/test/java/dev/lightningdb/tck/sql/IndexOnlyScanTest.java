package dev.lightningdb.tck.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Index-only scans against H2: queries that read only indexed and primary key columns (composite
 * index, composite primary key, a UNIQUE index, NULLs in indexed columns) give H2's rows, before and
 * after writes of an open transaction. Each query's plan must say index-only, so the test proves the
 * path it means to.
 */
class IndexOnlyScanTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE t (a INT, b VARCHAR(8), c INT, d VARCHAR(8), e DATE, PRIMARY KEY (a, b))",
        "CREATE INDEX t_c_d ON t (c, d)",
        "CREATE UNIQUE INDEX t_e ON t (e)"};
    /** Covered queries: the index path is index-only. */
    private static final String[] QUERIES = {
        "SELECT a, b, c FROM t WHERE c = 3",
        "SELECT a, b, d FROM t WHERE c = 3 AND d > 'd2'",
        "SELECT c, d, a FROM t WHERE c BETWEEN 2 AND 4",
        "SELECT b, c FROM t WHERE c < 2",
        "SELECT COUNT(*) FROM t WHERE c = 5",
        "SELECT c, COUNT(*) FROM t WHERE c >= 7 GROUP BY c",
        "SELECT a, b, d FROM t WHERE c = 1 ORDER BY a DESC, b DESC",
        "SELECT a, e FROM t WHERE e = DATE '2020-01-05'",
        "SELECT a, b, e FROM t WHERE e > DATE '2020-01-20'"};

    private Connection lightning;
    private Connection h2;

    @BeforeEach
    void fill() throws SQLException {
        lightning = DriverManager.getConnection("jdbc:lightning:mem:index_only");
        h2 = DriverManager.getConnection("jdbc:h2:mem:index_only");
        Random random = new Random(TestSeeds.seed("IndexOnlyScanTest"));
        for (Connection c : List.of(lightning, h2)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
        }
        for (int i = 0; i < 200; i++) {
            Object[] row = {i % 40, "k" + (i / 40), random.nextInt(5) == 0 ? null : random.nextInt(10),
                random.nextInt(4) == 0 ? null : "d" + random.nextInt(5), i % 3 == 0 ? null : java.sql.Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(i))};
            for (Connection c : List.of(lightning, h2)) {
                update(c, "INSERT INTO t VALUES (?, ?, ?, ?, ?)", row);
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        lightning.close();
        h2.close();
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return ResultNormalizer.sorted(ResultNormalizer.rows(rs, 10_000));
        }
    }

    private void assertIndexOnlyAndLikeH2() throws SQLException {
        for (String q : QUERIES) {
            assertThat(rows(lightning, "EXPLAIN " + q).toString()).as(q).contains("index-only");
            assertThat(rows(lightning, q)).as(q).isEqualTo(rows(h2, q));
        }
    }

    @Test
    void coveredQueriesAnswerLikeH2() throws SQLException {
        assertIndexOnlyAndLikeH2();
    }

    @Test
    void coveredQueriesSeeTheOpenTransactionsWrites() throws SQLException {
        for (Connection c : List.of(lightning, h2)) {
            c.setAutoCommit(false);
            update(c, "INSERT INTO t VALUES (100, 'n', 3, 'd9', DATE '2021-01-01'), (101, 'n', NULL, NULL, NULL)");
            update(c, "UPDATE t SET c = 3, d = 'd0' WHERE c = 5");
            update(c, "UPDATE t SET e = DATE '2019-12-01' WHERE e = DATE '2020-01-06'");
            update(c, "DELETE FROM t WHERE c = 1 AND a > 20");
        }
        assertIndexOnlyAndLikeH2();
        for (Connection c : List.of(lightning, h2)) {
            c.rollback();
        }
        assertIndexOnlyAndLikeH2();
    }
}
