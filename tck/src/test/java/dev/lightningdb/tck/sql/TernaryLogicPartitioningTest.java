package dev.lightningdb.tck.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ternary-logic partitioning: for a random query Q and predicate p, the rows of Q are exactly the rows
 * of Q WHERE p, Q WHERE NOT p and Q WHERE p IS NULL together (as multisets; as sets under DISTINCT;
 * combined MIN, MAX, COUNT and SUM for aggregates). Checked on LightningDB — including RIGHT and FULL
 * joins, which H2 lacks — and, for the queries H2 understands, on H2 as a check of the generator.
 */
class TernaryLogicPartitioningTest {
    private static final int MAX_REPORTED = 20;

    @Test
    void partitionsByAPredicateAddUpToTheWholeQuery() throws SQLException {
        run(TestSeeds.seed("TernaryLogicPartitioningTest"), TestSeeds.size("tlp.schemas", 5, 5), TestSeeds.size("tlp.checks", 25, 25));
    }

    @Test
    @Tag("stress")
    void stressManyMorePartitionsAddUp() throws SQLException {
        run(TestSeeds.seed("TernaryLogicPartitioningTest (stress)"), TestSeeds.size("tlp.stress.schemas", 100, 100),
                TestSeeds.size("tlp.stress.checks", 100, 100));
    }

    private enum Shape { ROWS, DISTINCT, COUNT, SUM, MIN, MAX }

    private record Check(FromClause from, String whole, String partition, Shape shape) {
        String where(String p) {
            return partition.replace("<P>", p);
        }
    }

    private void run(long seed, int schemas, int checks) throws SQLException {
        List<String> problems = new ArrayList<>();
        int problemCount = 0;
        int runs = 0;
        int skipped = 0;
        for (int s = 0; s < schemas; s++) {
            Schema schema = new SchemaGenerator(new Random(TestSeeds.derive(seed, s))).generate();
            try (DatabasePair db = new DatabasePair("tlp_" + Long.toHexString(seed) + "_" + s, schema)) {
                for (int c = 0; c < checks; c++) {
                    Random random = new Random(TestSeeds.derive(seed, s, c));
                    boolean h2Too = random.nextBoolean();
                    QueryGenerator generator = new QueryGenerator(random, schema, h2Too);
                    Check check = check(generator, random);
                    String predicate = generator.rowExpressions(check.from(), 0).predicate(1 + random.nextInt(3)).sql();
                    List<Connection> targets = h2Too ? List.of(db.lightning, db.h2) : List.of(db.lightning);
                    for (Connection target : targets) {
                        runs++;
                        String name = target == db.h2 ? "H2" : "LightningDB";
                        String problem = verify(target, check, predicate);
                        if ("skip".equals(problem)) {
                            skipped++;
                        } else if (problem != null) {
                            problemCount++;
                            if (problems.size() < MAX_REPORTED) {
                                String id = "tlp seed " + seed + " schema " + s + " check " + c;
                                problems.add(name + ", " + id + ": " + problem + "\n  repro: "
                                        + db.writeRepro(id.replace(' ', '_'), check.whole() + ";\n" + check.where(predicate)));
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("TernaryLogicPartitioningTest: %d checks (4 queries each), %d skipped (rejected alike, or a known bug)%n",
                runs, skipped);
        assertThat(problems).as("%d partitioning check(s) failed (seed %d); first ones:", problemCount, seed).isEmpty();
    }

    private Check check(QueryGenerator generator, Random random) {
        generator.resetAliases();
        FromClause from = generator.from(0);
        ExpressionGenerator rows = generator.selectExpressions(from);
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        String select;
        switch (shape) {
            case ROWS, DISTINCT -> {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    items.add(random.nextBoolean() ? rows.leafOrLiteral(rows.anyType()).sql() : rows.expression(rows.anyType(), 2).sql());
                }
                select = "SELECT " + (shape == Shape.DISTINCT ? "DISTINCT " : "") + String.join(", ", items);
            }
            case COUNT -> select = "SELECT COUNT(*)";
            case SUM -> {
                SqlType t = random.nextBoolean() ? SqlType.INTEGER : SqlType.DECIMAL;
                Expr e = rows.leafOrLiteral(t);
                select = e.bound() * from.rowBound() < t.limit() ? "SELECT SUM(" + e + ")" : "SELECT COUNT(*)";
                if (select.startsWith("SELECT COUNT")) {
                    shape = Shape.COUNT;
                }
            }
            default -> select = "SELECT " + shape.name() + "(" + rows.leafOrLiteral(rows.anyType()) + ")";
        }
        String whole = from.with() + select + " FROM " + from.sql();
        return new Check(from, whole, whole + " WHERE <P>", shape);
    }

    /** Null when the partitions add up, "skip" when the database rejects all four alike or hits a {@link KnownBugs} bug, else the difference. */
    private static String verify(Connection c, Check check, String p) {
        Outcome whole = Outcome.run(c, check.whole());
        Outcome[] parts = {
            Outcome.run(c, check.where(p)),
            Outcome.run(c, check.where("NOT " + "(" + p + ")")),
            Outcome.run(c, check.where("(" + p + ") IS NULL")),
        };
        String text = "\n  Q:       " + check.whole() + "\n  p:       " + p;
        for (Outcome o : concat(whole, parts)) {
            if (KnownBugs.match(o) != null) {
                return "skip";
            }
            if (o.escaped() != null) {
                return "a non-SQLException escaped: " + o + text;
            }
        }
        if (whole.failed() || parts[0].failed() || parts[1].failed() || parts[2].failed()) {
            boolean allAlike = whole.failed() && List.of(parts).stream().allMatch(o -> o.failed()
                    && o.error().getSQLState().equals(whole.error().getSQLState()));
            if (allAlike) {
                return "skip";
            }
            return "some partitions failed: Q " + whole + "; p " + parts[0] + "; NOT p " + parts[1] + "; p IS NULL " + parts[2] + text;
        }
        List<List<Object>> combined = combine(check.shape(), parts);
        List<List<Object>> expected = whole.rows();
        if (check.shape() == Shape.DISTINCT) {
            expected = new ArrayList<>(new HashSet<>(expected));
        }
        String diff = ResultComparer.difference(expected, combined, false, "Q", "partitions");
        return diff == null ? null : diff + text;
    }

    private static List<Outcome> concat(Outcome first, Outcome[] rest) {
        List<Outcome> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    private static List<List<Object>> combine(Shape shape, Outcome[] parts) {
        List<List<Object>> all = new ArrayList<>();
        for (Outcome o : parts) {
            all.addAll(o.rows());
        }
        switch (shape) {
            case ROWS:
                return all;
            case DISTINCT:
                return new ArrayList<>(new HashSet<>(all));
            default:
                break;
        }
        Object result = null;
        for (List<Object> row : all) {
            Object v = row.get(0);
            if (v == null) {
                continue;
            }
            if (result == null) {
                result = v;
            } else if (shape == Shape.COUNT || shape == Shape.SUM) {
                result = ((BigDecimal) result).add((BigDecimal) v);
            } else {
                int cmp = ResultNormalizer.compareValues(v, result);
                if (shape == Shape.MIN ? cmp < 0 : cmp > 0) {
                    result = v;
                }
            }
        }
        if (result == null && shape == Shape.COUNT) {
            result = BigDecimal.ZERO;
        }
        List<Object> row = new ArrayList<>();
        row.add(result);
        return List.of(row);
    }
}
