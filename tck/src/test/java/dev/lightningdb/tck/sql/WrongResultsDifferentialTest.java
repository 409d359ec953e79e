package dev.lightningdb.tck.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wrong results once listed in docs/design.md, each a case run on LightningDB and on H2: the same
 * rows (and, for aggregates, the same JDBC column types), or both failing with the same SQLState
 * class. Where LightningDB differs from H2 on purpose (a data error where H2 answers Infinity or
 * NaN, as PostgreSQL fails; PostgreSQL's SQLState where H2 has its own), the case names LightningDB's SQLState and the reason. Then random
 * comparisons of CHAR and UUID columns ({@link PaddedAndUuidQueries}) must agree with H2.
 */
class WrongResultsDifferentialTest {
    private static final List<String> SETUP = List.of(
            "CREATE TABLE ch (id INT PRIMARY KEY, c CHAR(4), v VARCHAR(6), c6 CHAR(6))",
            "INSERT INTO ch VALUES (1, 'ab', 'ab', 'ab'), (2, 'abcd', 'abcd', 'abcd'), (3, 'ab  ', 'ab ', 'x'),"
                    + " (4, NULL, NULL, NULL), (5, 'a', 'ab ', 'a')",
            "CREATE TABLE chk (c CHAR(4) PRIMARY KEY, n INT)",
            "INSERT INTO chk VALUES ('ab', 1), ('abcd', 2), ('x', 3)",
            "CREATE TABLE nums (id INT PRIMARY KEY, i INT, si SMALLINT, ti TINYINT, b BIGINT, d DECIMAL(10, 2), f DOUBLE)",
            "INSERT INTO nums VALUES (1, 2147483647, 32767, 127, 9223372036854775807, 1.5, -1),"
                    + " (2, 2147483647, 32767, 127, 1, 2.25, 4), (3, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (4, -2147483648, -32768, -128, -9223372036854775808, 0, 0)",
            "CREATE TABLE u (id UUID PRIMARY KEY, n INT, o UUID)",
            "INSERT INTO u VALUES ('00000000-0000-0000-0000-000000000001', 1, '80000000-0000-0000-0000-000000000000'),"
                    + " ('80000000-0000-0000-0000-000000000000', 2, NULL), ('7fffffff-ffff-ffff-ffff-ffffffffffff', 3,"
                    + " '00000000-0000-0000-8000-000000000000'), ('00000000-0000-0000-8000-000000000000', 4,"
                    + " '00000000-0000-0000-0000-000000000001'), ('ffffffff-0000-0000-0000-000000000000', 5, NULL)",
            "CREATE TABLE tt (id INT PRIMARY KEY, t TIME, s VARCHAR(20))",
            "INSERT INTO tt VALUES (1, '10:00', '25:00'), (2, '23:59:59', '12:60')",
            "CREATE TABLE dp (id INT PRIMARY KEY, d DECIMAL(5, 2))");

    /** Cases whose rows (ordered when they say ORDER BY) and SQLState classes must be H2's. */
    private static final List<String> SAME_AS_H2 = List.of(
            // (1) CHAR(n) compared with shorter or longer text, parameters aside (below)
            "SELECT id FROM ch WHERE c = 'ab'", "SELECT id FROM ch WHERE 'ab' = c", "SELECT id FROM ch WHERE c = 'ab      '",
            "SELECT id FROM ch WHERE c <> 'ab'", "SELECT id FROM ch WHERE c = 'abcde'", "SELECT id FROM ch WHERE c < 'abcde'",
            "SELECT id FROM ch WHERE c > 'ab'", "SELECT id FROM ch WHERE c >= 'ab'", "SELECT id FROM ch WHERE c BETWEEN 'a' AND 'ab'",
            "SELECT id FROM ch WHERE c = v", "SELECT id FROM ch WHERE c = c6", "SELECT id FROM ch WHERE c LIKE 'ab%'",
            "SELECT a.id, b.id FROM ch a JOIN ch b ON a.c = b.v", "SELECT id FROM ch WHERE c IN (SELECT v FROM ch)",
            "SELECT id FROM ch WHERE v IN (SELECT c FROM ch)", "SELECT id FROM ch a WHERE EXISTS (SELECT 1 FROM ch b WHERE b.v = a.c)",
            "SELECT COUNT(DISTINCT c) FROM ch", "SELECT n FROM chk WHERE c = 'ab'", "SELECT n FROM chk WHERE c = 'x   '",
            "SELECT n FROM chk WHERE c = 'xyzzy'", "SELECT n FROM chk WHERE c > 'ab' ORDER BY n", "SELECT c, n FROM chk ORDER BY c",
            // (2) integer functions that overflow
            "SELECT ABS(-2147483648)", "SELECT ABS(i) FROM nums WHERE id = 4", "SELECT ABS(si) FROM nums WHERE id = 4",
            "SELECT ABS(b) FROM nums WHERE id = 4", "SELECT ABS(i), ABS(si), ABS(b), ABS(f) FROM nums WHERE id < 4 ORDER BY id",
            "SELECT -i FROM nums WHERE id = 4", "SELECT MOD(-2147483648, -1)", "SELECT SIGN(i) FROM nums ORDER BY id",
            // (3) SUM and AVG of integers
            "SELECT SUM(i), SUM(si), SUM(ti), SUM(d) FROM nums WHERE id < 4", "SELECT SUM(b) FROM nums WHERE id < 4",
            "SELECT SUM(b) FROM nums WHERE id > 9", "SELECT SUM(i) + 1 FROM nums WHERE id < 4",
            "SELECT id, SUM(i) FROM nums GROUP BY id ORDER BY id", "SELECT AVG(i), AVG(si), AVG(ti), AVG(d) FROM nums",
            "SELECT AVG(id), STDDEV_POP(id), VAR_SAMP(id) FROM nums", "SELECT AVG(DISTINCT id), SUM(DISTINCT si) FROM nums",
            // (4) POWER and SQRT in their domain (outside it they differ from H2 on purpose, below)
            "SELECT POWER(-2, 3), POWER(2, 0.5), SQRT(4)",
            // (5) date/time text out of range
            "SELECT CAST('25:00' AS TIME)", "SELECT CAST('24:00:01' AS TIME)", "SELECT CAST('12:60:00' AS TIME)",
            "SELECT CAST('12:00:60' AS TIME)", "SELECT CAST('2020-02-30' AS DATE)", "SELECT CAST('2020-13-01' AS DATE)",
            "SELECT CAST('2020-01-01 25:00:00' AS TIMESTAMP)", "SELECT CAST('xx' AS TIME)", "SELECT CAST(s AS TIME) FROM tt",
            "SELECT id FROM tt WHERE t = '25:00'", "INSERT INTO tt VALUES (3, '25:00', 'a')", "UPDATE tt SET t = s",
            // (6) UUIDs in unsigned order
            "SELECT n FROM u ORDER BY id", "SELECT n FROM u ORDER BY id DESC", "SELECT n FROM u ORDER BY o NULLS FIRST, n",
            "SELECT n FROM u ORDER BY o DESC NULLS LAST, n LIMIT 2", "SELECT MIN(id), MAX(id), MIN(o), MAX(o) FROM u",
            "SELECT n > 2, MAX(id) FROM u GROUP BY n > 2 ORDER BY 1",
            "SELECT n FROM u WHERE id > '7fffffff-ffff-ffff-ffff-ffffffffffff'", "SELECT n FROM u WHERE o < id",
            "SELECT n FROM u WHERE id BETWEEN '00000000-0000-0000-0000-000000000000' AND '80000000-0000-0000-0000-000000000000'",
            "SELECT DISTINCT o FROM u ORDER BY o", "SELECT CAST(o AS VARCHAR(36)) FROM u",
            // (9) a DECIMAL(5, 2) value with more fraction digits is rounded, as H2 (and PostgreSQL) round it
            "INSERT INTO dp VALUES (1, 1.255), (2, 1.254), (3, -1.255)", "SELECT id, d FROM dp ORDER BY id");

    /** Cases where LightningDB fails on purpose where H2 answers: the statement, LightningDB's SQLState, why. */
    private static final List<String[]> DIFFERENT_ON_PURPOSE = List.of(
            new String[] {"SELECT POWER(0, -1)", "2201F", "H2 answers Infinity; PostgreSQL fails"},
            new String[] {"SELECT SQRT(-1)", "2201F", "H2 answers NaN; PostgreSQL fails"},
            new String[] {"SELECT POWER(-8, 0.5)", "2201F", "H2 answers NaN; PostgreSQL fails"},
            new String[] {"SELECT SQRT(f) FROM nums", "2201F", "H2 answers NaN for -1; PostgreSQL fails"},
            new String[] {"SELECT LN(0)", "2201E", "H2 fails with its own 90008; PostgreSQL with 2201E"},
            new String[] {"SELECT LOG10(-1)", "2201E", "H2 fails with its own 90008; PostgreSQL with 2201E"});

    /** Cases H2 cannot run (it runs out of heap): LightningDB must fail with the SQLState given. */
    private static final List<String[]> LIGHTNING_ONLY = List.of(
            new String[] {"SELECT LENGTH(REPEAT('ab', 999999999))", "54000"},
            new String[] {"SELECT LENGTH(LPAD('a', 999999999, 'x'))", "54000"},
            new String[] {"SELECT LENGTH(RPAD('a', 999999999))", "54000"},
            new String[] {"SELECT LENGTH(REPEAT('ab', 8000000) || REPEAT('ab', 8000000))", "54000"});

    private Connection lightning;
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        String name = "wrongresults_" + UUID.randomUUID().toString().replace("-", "");
        lightning = DriverManager.getConnection("jdbc:lightning:mem:" + name);
        h2 = DriverManager.getConnection("jdbc:h2:mem:" + name);
        for (String sql : SETUP) {
            for (Connection c : List.of(lightning, h2)) {
                Outcome o = Outcome.run(c, sql);
                assertThat(o.failed()).as("setup %s: %s", sql, o).isFalse();
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        lightning.close();
        h2.close();
    }

    @Test
    void onceWrongResultsNowAgreeWithH2() throws SQLException {
        List<String> differences = new ArrayList<>();
        for (String sql : SAME_AS_H2) {
            String d = difference(sql);
            if (d != null) {
                differences.add(sql + "\n  " + d);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void aggregatesHaveH2sColumnTypes() throws SQLException {
        for (String sql : List.of("SELECT SUM(i), SUM(si), SUM(ti), SUM(b), SUM(d) FROM nums",
                "SELECT AVG(i), AVG(si), AVG(ti), AVG(d), STDDEV_POP(i), VAR_SAMP(b) FROM nums")) {
            assertThat(columnTypes(lightning, sql)).as(sql).isEqualTo(columnTypes(h2, sql)); // NUMERIC and DECIMAL taken alike
        }
    }

    @Test
    void charParametersCompareAsH2s() throws SQLException {
        for (String value : List.of("ab", "ab  ", "abcd", "x", "zz")) {
            for (String sql : List.of("SELECT id FROM ch WHERE c = ? ORDER BY id", "SELECT n FROM chk WHERE c = ?",
                    "SELECT id FROM ch WHERE c >= ? ORDER BY id")) {
                assertThat(ids(lightning, sql, value)).as("%s with '%s'", sql, value).isEqualTo(ids(h2, sql, value));
            }
        }
    }

    @Test
    void functionsOutsideTheirDomainAreDataErrors() {
        for (String[] c : DIFFERENT_ON_PURPOSE) {
            Outcome l = Outcome.run(lightning, c[0]);
            assertThat(l.failed() ? l.error().getSQLState() : "no error: " + l).as("%s (%s)", c[0], c[2]).isEqualTo(c[1]);
        }
    }

    @Test
    void stringsBeyondTheLimitAreProgramLimitErrors() {
        for (String[] c : LIGHTNING_ONLY) {
            Outcome l = Outcome.run(lightning, c[0]);
            assertThat(l.failed() ? l.error().getSQLState() : "no error: " + l).as(c[0]).isEqualTo(c[1]);
            assertThat(l.error().getMessage()).contains("16777216");
        }
    }

    @Test
    void randomCharAndUuidComparisonsAgreeWithH2() throws SQLException {
        long seed = TestSeeds.seed("WrongResultsDifferentialTest");
        int rounds = TestSeeds.size("wrongresults.queries", 300, 3000);
        PaddedAndUuidQueries queries = new PaddedAndUuidQueries(new Random(seed));
        for (String sql : queries.setup()) {
            assertThat(Outcome.run(lightning, sql).failed()).as(sql).isFalse();
            assertThat(Outcome.run(h2, sql).failed()).as(sql).isFalse();
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String sql = queries.next();
            String d = difference(sql);
            if (d != null && differences.size() < 20) {
                differences.add("seed " + seed + " query " + i + ": " + sql + "\n  " + d);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Null when LightningDB and H2 agree on {@code sql}, else how they differ. */
    private String difference(String sql) {
        Outcome h = Outcome.run(h2, sql);
        Outcome l = Outcome.run(lightning, sql);
        if (l.escaped() != null) {
            return "LightningDB let a non-SQLException escape: " + l;
        }
        if (h.failed() || l.failed()) {
            return h.failed() && l.failed() && h.errorClass().equals(l.errorClass()) ? null : "H2: " + h + "\n  LightningDB: " + l;
        }
        if (h.rows() == null) {
            return h.updateCount() == l.updateCount() ? null : "update counts: H2 " + h.updateCount() + ", LightningDB " + l.updateCount();
        }
        return ResultComparer.difference(h.rows(), l.rows(), sql.contains("ORDER BY"));
    }

    private static List<Integer> columnTypes(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int type = md.getColumnType(i);
                types.add(type == Types.NUMERIC ? Types.DECIMAL : type);
            }
            return types;
        }
    }

    private static List<Integer> ids(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            return ids;
        }
    }
}
