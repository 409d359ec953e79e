package dev.lightningdb.tck.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Grammar fuzz test: random and mutated statements run through JDBC on a database holding data. Each
 * must succeed or fail with an SQLException that has a 5-character SQLState and a message; none may
 * throw anything else, hang (each runs under a timeout) or, when rejected, change what the database
 * holds (a checksum of every table before and after). Internal errors (XX000) fail the test unless
 * {@link KnownBugs} lists them.
 */
class GrammarFuzzTest {
    private static final int STATEMENTS_PER_DATABASE = 400;
    /** Generous: the machine may be shared, and a first parse of deeply nested garbage takes seconds (see the report). */
    private static final long TIMEOUT_SECONDS = Long.getLong("lightning.fuzz.timeoutSeconds", 20);
    private static final int MAX_REPORTED = 25;
    private static final List<String> EXTRA_SEEDS = List.of(
            "SELECT 1 UNION SELECT 2", "SELECT C0 FROM T0 INTERSECT SELECT C0 FROM T1", "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
            "ALTER TABLE T0 ADD COLUMN Z INT", "ALTER TABLE T0 RENAME TO T9", "CREATE INDEX I0 ON T0 (C1)", "CREATE UNIQUE INDEX I1 ON T1 (C1)",
            "MERGE INTO T0 USING T1 ON T0.C0 = T1.C0 WHEN MATCHED THEN UPDATE SET C0 = 1", "TRUNCATE TABLE T1", "ANALYZE",
            "PUT INTO T0 VALUES (1)", "GET FROM T0 WHERE C0 = 1", "SCAN T0 FROM 1 TO 5 LIMIT 3 REVERSE", "CHECKPOINT", "VERIFY INTEGRITY",
            "CREATE TABLE X0 (A INT PRIMARY KEY, B VARCHAR(5) NOT NULL DEFAULT 'q', C DECIMAL(5,2))", "DROP TABLE IF EXISTS X0",
            "DROP TABLE T2", "CREATE TABLE IF NOT EXISTS T0 (A INT PRIMARY KEY)", "INSERT INTO T0 (C0) VALUES (?)",
            "EXPLAIN SELECT * FROM T0 WHERE C0 = 1", "EXPLAIN PLAN FOR SELECT COUNT(*) FROM T0 JOIN T1 ON T0.C0 = T1.C0",
            "SELECT CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP", "SELECT CAST('x' AS INTEGER)", "SELECT CAST('2020-13-01' AS DATE)",
            "SELECT X'00ff', TIME '12:00:00', TIMESTAMP '2020-01-01 10:00:00'", "INSERT INTO T0 SELECT * FROM T0",
            "UPDATE T0 SET C0 = NULL", "DELETE FROM T1 WHERE C0 IN (SELECT C0 FROM T0)", "SELECT * FROM T0 t, T0 u, T0 v WHERE t.C0 = u.C0",
            "SELECT C0, COUNT(*) OVER () FROM T0", "SELECT \"C0\", \"c0\" FROM \"T0\"", "SELECT ? FROM T0");

    @Test
    void randomAndMutatedStatementsFailCleanlyOrSucceed() throws Exception {
        run(TestSeeds.seed("GrammarFuzzTest"), TestSeeds.size("fuzz.statements", 4_000, 4_000));
    }

    @Test
    @Tag("stress")
    void stressAMillionRandomAndMutatedStatements() throws Exception {
        run(TestSeeds.seed("GrammarFuzzTest (stress)"), TestSeeds.size("fuzz.stress.statements", 1_000_000, 1_000_000));
    }

    private static final class Stats {
        int succeeded;
        int rejected;
        int checksums;
        final TreeMap<String, Integer> states = new TreeMap<>();
        final TreeMap<String, Integer> knownBugs = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        int problemCount;

        void problem(String text) {
            problemCount++;
            if (problems.size() < MAX_REPORTED) {
                problems.add(text);
            }
        }
    }

    private void run(long seed, int total) throws Exception {
        Stats stats = new Stats();
        long start = System.nanoTime();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-statement");
            t.setDaemon(true);
            return t;
        });
        try {
            int done = 0;
            for (int round = 0; done < total; round++) {
                int n = Math.min(STATEMENTS_PER_DATABASE, total - done);
                if (!fuzzOneDatabase(seed, round, n, executor, stats)) {
                    break; // a hang: the statement thread is stuck
                }
                done += n;
            }
        } finally {
            executor.shutdownNow();
        }
        System.out.printf("GrammarFuzzTest: %d statements in %d s: %d succeeded, %d rejected (%d checksums); SQLStates %s;"
                        + " known bugs hit %s%n", stats.succeeded + stats.rejected, (System.nanoTime() - start) / 1_000_000_000L,
                stats.succeeded, stats.rejected, stats.checksums, stats.states, stats.knownBugs);
        assertThat(stats.problems).as("%d fuzz problem(s) (seed %d); first ones:", stats.problemCount, seed).isEmpty();
    }

    /** Runs {@code count} statements on a fresh database; false when one hung. */
    private boolean fuzzOneDatabase(long seed, int round, int count, ExecutorService executor, Stats stats) throws Exception {
        Random setup = new Random(TestSeeds.derive(seed, round));
        Schema schema = new SchemaGenerator(setup).generate();
        List<String> corpus = corpus(setup, schema);
        List<String> names = names(schema);
        try (Connection c = DriverManager.getConnection("jdbc:lightning:mem:fuzz_" + Long.toHexString(seed) + "_" + round)) {
            for (String sql : schema.setupStatements()) {
                Outcome o = Outcome.run(c, sql);
                assertThat(o.failed()).as("setup %s: %s", sql, o).isFalse();
            }
            DatabaseChecksum checksum = new DatabaseChecksum(c);
            String before = null;
            for (int i = 0; i < count; i++) {
                Random random = new Random(TestSeeds.derive(seed, round, i));
                String sql = statement(random, corpus, names);
                String id = "seed " + seed + " round " + round + " statement " + i;
                if (before == null) {
                    before = timed(executor, checksum::compute, id + " (checksum)", sql, stats);
                    if (before == null) {
                        return false;
                    }
                }
                Outcome o = timed(executor, () -> Outcome.run(c, sql), id, sql, stats);
                if (o == null) {
                    return false;
                }
                if (!o.failed()) {
                    stats.succeeded++;
                    before = null; // the statement may have changed the database
                    continue;
                }
                stats.rejected++;
                check(o, id, sql, stats);
                if (mayWrite(sql) || i % 10 == 0) {
                    stats.checksums++;
                    String after = timed(executor, checksum::compute, id + " (checksum)", sql, stats);
                    if (after == null) {
                        return false;
                    }
                    if (!after.equals(before)) {
                        stats.problem(id + ": a rejected statement changed the database (" + o + ")\n  " + abbreviate(sql)
                                + "\n  before: " + before + "\n  after:  " + after);
                        before = after;
                    }
                }
            }
        }
        return true;
    }

    /** Checks the shape of a failure: SQLException, SQLState, message, no unknown internal error. */
    private static void check(Outcome o, String id, String sql, Stats stats) {
        if (o.escaped() != null) {
            KnownBugs.Bug known = KnownBugs.match(o.escaped().toString());
            if (known == null) {
                stats.problem(id + ": not an SQLException: " + o + "\n  " + abbreviate(sql));
            } else {
                stats.knownBugs.merge(known.messagePart(), 1, Integer::sum);
            }
            return;
        }
        SQLException e = o.error();
        String state = e.getSQLState();
        stats.states.merge(state == null ? "null" : state, 1, Integer::sum);
        if (state == null || state.length() != 5) {
            stats.problem(id + ": SQLState '" + state + "' is not 5 characters: " + e + "\n  " + abbreviate(sql));
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            stats.problem(id + ": SQLException without a message (" + state + ")\n  " + abbreviate(sql));
        }
        if ("XX000".equals(state)) {
            KnownBugs.Bug known = KnownBugs.match(e.getMessage());
            if (known == null) {
                stats.problem(id + ": internal error: " + abbreviate(e.getMessage()) + Outcome.stackTop(e.getCause() == null ? e : rootCause(e))
                        + "\n  " + abbreviate(sql));
            } else {
                stats.knownBugs.merge(known.messagePart(), 1, Integer::sum);
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private interface Work<T> {
        T call() throws Exception;
    }

    /** Runs {@code work} under the timeout; null (and a problem recorded) when it hangs. */
    private static <T> T timed(ExecutorService executor, Work<T> work, String id, String sql, Stats stats) throws Exception {
        Future<T> f = executor.submit(work::call);
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            stats.problem(id + ": no answer within " + TIMEOUT_SECONDS + " s (hang)\n  " + abbreviate(sql));
            return null;
        }
    }

    private static boolean mayWrite(String sql) {
        String s = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return !s.startsWith("SELECT") && !s.startsWith("EXPLAIN") && !s.startsWith("(");
    }

    private static String statement(Random random, List<String> corpus, List<String> names) {
        StatementMutator mutator = new StatementMutator(random, names);
        int kind = random.nextInt(20);
        if (kind < 3) {
            return mutator.tokenSoup();
        }
        String seedStatement = corpus.get(random.nextInt(corpus.size()));
        if (kind < 5) {
            return seedStatement;
        }
        return mutator.mutate(seedStatement, corpus.get(random.nextInt(corpus.size())));
    }

    /** Valid statements to mutate: generated queries and DML for the schema, and fixed statements of every kind. */
    private static List<String> corpus(Random random, Schema schema) {
        List<String> out = new ArrayList<>(EXTRA_SEEDS);
        for (int i = 0; i < 40; i++) {
            out.add(new QueryGenerator(new Random(random.nextLong()), schema, false).query().sql());
        }
        for (int i = 0; i < 20; i++) {
            out.add(new DmlGenerator(new Random(random.nextLong()), schema).statement().sql());
        }
        return out;
    }

    private static List<String> names(Schema schema) {
        List<String> out = new ArrayList<>(List.of("A1", "A2", "X0", "\"t0\"", "PUBLIC", "INFORMATION_SCHEMA"));
        for (Schema.Table t : schema.tables()) {
            out.add(t.name());
            for (Schema.Column c : t.columns()) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static String abbreviate(String sql) {
        String s = sql.length() > 600 ? sql.substring(0, 600) + "... (" + sql.length() + " chars)" : sql;
        return s.replace("\u0000", "\\0");
    }
}
