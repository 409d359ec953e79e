package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random window-function queries, recursive CTEs and grouping sets over one generated table. Every
 * window that a row's position decides (ROW_NUMBER, LAG, ROWS frames, ...) ends its ORDER BY with the
 * primary key, so the result is defined. H2 2.3 has no ROLLUP, CUBE or GROUPING SETS: a grouping-set
 * query goes to H2 as the UNION ALL of one GROUP BY per set, GROUPING(c) as a constant.
 */
final class AnalyticQueryGenerator {
    private final Random random;
    private final QueryGenerator queries;

    AnalyticQueryGenerator(Random random, QueryGenerator queries) {
        this.random = random;
        this.queries = queries;
    }

    /** Whether any of the shapes is switched on. */
    static boolean enabled() {
        return Feature.WINDOW_FUNCTIONS.on() || Feature.RECURSIVE_CTE.on() || Feature.GROUPING_SETS.on();
    }

    QueryGenerator.Query query() {
        List<Integer> shapes = new ArrayList<>();
        if (Feature.WINDOW_FUNCTIONS.on()) {
            shapes.addAll(List.of(0, 0));
        }
        if (Feature.RECURSIVE_CTE.on()) {
            shapes.add(1);
        }
        if (Feature.GROUPING_SETS.on()) {
            shapes.add(2);
        }
        Schema.Table t = queries.randomTable();
        return switch (shapes.get(random.nextInt(shapes.size()))) {
            case 0 -> windowQuery(t);
            case 1 -> recursive(t);
            default -> groupingSets(t);
        };
    }

    // ------------------------------------------------------------------ windows

    private QueryGenerator.Query windowQuery(Schema.Table t) {
        List<Expr> columns = QueryGenerator.columnsOf(t, "A1");
        List<String> items = new ArrayList<>();
        for (Schema.Column k : t.key()) {
            items.add("A1." + k.name());
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.add(windowCall(t, columns) + " AS W" + i);
        }
        String where = random.nextInt(3) == 0 ? " WHERE " + new ExpressionGenerator(random, columns, null, 2).predicate(1) : "";
        return new QueryGenerator.Query("SELECT " + String.join(", ", items) + " FROM " + t.name() + " AS A1" + where, false);
    }

    private String windowCall(Schema.Table t, List<Expr> columns) {
        Expr value = pick(columns);
        Expr number = columns.stream().filter(c -> c.type().isExactInteger()).findAny().orElse(null);
        String partition = random.nextBoolean() ? "PARTITION BY " + pick(columns).sql() + " " : "";
        String order = "ORDER BY " + pick(columns).sql() + (random.nextBoolean() ? " DESC" : "");
        String total = order + keyOrder(t);
        return switch (random.nextInt(12)) {
            case 0 -> "ROW_NUMBER() OVER (" + partition + total + ")";
            case 1 -> "RANK() OVER (" + partition + order + ")";
            case 2 -> "DENSE_RANK() OVER (" + partition + order + ")";
            case 3 -> "NTILE(" + (1 + random.nextInt(4)) + ") OVER (" + partition + total + ")";
            case 4 -> "PERCENT_RANK() OVER (" + partition + order + ")";
            case 5 -> "CUME_DIST() OVER (" + partition + order + ")";
            case 6 -> "LAG(" + value.sql() + (random.nextBoolean() ? ", 2" : "") + ") OVER (" + partition + total + ")";
            case 7 -> "LEAD(" + value.sql() + ") OVER (" + partition + total + ")";
            case 8 -> "FIRST_VALUE(" + value.sql() + ") OVER (" + partition + total + ")";
            case 9 -> "LAST_VALUE(" + value.sql() + ") OVER (" + partition + total
                    + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)";
            case 10 -> "COUNT(" + (random.nextBoolean() ? "*" : value.sql()) + ") OVER (" + partition + frame(order, total) + ")";
            default -> number == null ? "COUNT(*) OVER (" + partition + ")"
                    : (random.nextBoolean() ? "SUM(CAST(" + number.sql() + " AS BIGINT))" : (random.nextBoolean() ? "MIN(" : "MAX(")
                    + number.sql() + ")") + " OVER (" + partition + frame(order, total) + ")";
        };
    }

    /** No ORDER BY (the whole partition), the default frame, a RANGE frame, or a ROWS frame over a total order. */
    private String frame(String order, String total) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> order;
            case 2 -> order + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
            case 3 -> total + " ROWS BETWEEN " + random.nextInt(3) + " PRECEDING AND " + random.nextInt(3) + " FOLLOWING";
            default -> total + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING";
        };
    }

    private static String keyOrder(Schema.Table t) {
        StringBuilder sb = new StringBuilder();
        for (Schema.Column k : t.key()) {
            sb.append(", A1.").append(k.name());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ recursion

    /**
     * Follows links between rows of one table ({@code A2.y = R.K}) from a filtered start, at most three
     * steps deep (UNION ALL keeps every path), or counts down from a number.
     */
    private QueryGenerator.Query recursive(Schema.Table t) {
        List<Expr> first = QueryGenerator.columnsOf(t, "A1");
        if (random.nextInt(4) == 0) {
            int n = 1 + random.nextInt(30);
            return new QueryGenerator.Query("WITH RECURSIVE R(N) AS (SELECT " + n + " UNION ALL SELECT N - 1 FROM R WHERE N > 0)"
                    + " SELECT COUNT(*), SUM(N) FROM R", false);
        }
        // H2 types a recursive CTE's BOOLEAN column as text, then refuses to compare it with a BOOLEAN
        List<Expr> carriable = first.stream().filter(c -> c.type() != SqlType.BOOLEAN).toList();
        Expr x = pick(carriable);
        List<Expr> second = QueryGenerator.columnsOf(t, "A2");
        List<Expr> sameFamily = second.stream().filter(c -> c.type().family == x.type().family).toList();
        String y = pick(sameFamily).sql();
        String carried = "A2" + x.sql().substring(2);
        String start = " WHERE " + new ExpressionGenerator(random, first, null, 2).predicate(1);
        String cte = "WITH RECURSIVE R(K, D) AS (SELECT " + x.sql() + ", 0 FROM " + t.name() + " AS A1" + start
                + " UNION ALL SELECT " + carried + ", R.D + 1 FROM " + t.name() + " AS A2 JOIN R ON " + y + " = R.K WHERE R.D < "
                + (1 + random.nextInt(3)) + ") ";
        String select = switch (random.nextInt(3)) {
            case 0 -> "SELECT K, D FROM R";
            case 1 -> "SELECT D, COUNT(*) FROM R GROUP BY D";
            default -> "SELECT COUNT(*), COUNT(DISTINCT K), MAX(D) FROM R";
        };
        return new QueryGenerator.Query(cte + select, false);
    }

    // ------------------------------------------------------------------ grouping sets

    private QueryGenerator.Query groupingSets(Schema.Table t) {
        List<Expr> columns = QueryGenerator.columnsOf(t, "A1");
        List<Expr> keys = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Expr c = pick(columns);
            if (!keys.contains(c)) {
                keys.add(c);
            }
        }
        List<List<Expr>> sets = new ArrayList<>();
        String grouping;
        switch (random.nextInt(3)) {
            case 0 -> {
                grouping = "ROLLUP(" + names(keys) + ")";
                for (int i = keys.size(); i >= 0; i--) {
                    sets.add(keys.subList(0, i));
                }
            }
            case 1 -> {
                grouping = "CUBE(" + names(keys) + ")";
                for (int mask = (1 << keys.size()) - 1; mask >= 0; mask--) {
                    List<Expr> set = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            set.add(keys.get(i));
                        }
                    }
                    sets.add(set);
                }
            }
            default -> {
                List<String> written = new ArrayList<>();
                for (Expr k : keys) {
                    sets.add(List.of(k));
                    written.add("(" + k.sql() + ")");
                }
                sets.add(List.of());
                written.add("()");
                grouping = "GROUPING SETS (" + String.join(", ", written) + ")";
            }
        }
        String aggregate = "COUNT(*)";
        String where = random.nextBoolean() ? " WHERE " + new ExpressionGenerator(random, columns, null, 2).predicate(1) : "";
        String from = " FROM " + t.name() + " AS A1" + where;
        boolean withGrouping = random.nextBoolean();
        String lightning = "SELECT " + names(keys) + ", " + aggregate + (withGrouping ? ", GROUPING(" + keys.get(0).sql() + ")" : "")
                + from + " GROUP BY " + grouping;
        List<String> parts = new ArrayList<>();
        for (List<Expr> set : sets) {
            List<String> items = new ArrayList<>();
            for (Expr k : keys) {
                items.add(set.contains(k) ? k.sql() : "CAST(NULL AS " + castType(k) + ")");
            }
            items.add(aggregate);
            if (withGrouping) {
                items.add(set.contains(keys.get(0)) ? "0" : "1");
            }
            // the grand total of no rows: H2 (and the standard) give a row, LightningDB none (docs/design.md)
            parts.add("SELECT " + String.join(", ", items) + from + (set.isEmpty() ? " HAVING COUNT(*) > 0" : " GROUP BY " + names(set)));
        }
        return new QueryGenerator.Query(lightning, false, String.join(" UNION ALL ", parts));
    }

    private static String castType(Expr e) {
        return switch (e.type()) {
            case VARCHAR -> "VARCHAR(100)";
            case DECIMAL -> "DECIMAL(30, 10)";
            default -> e.type().name();
        };
    }

    private static String names(List<Expr> exprs) {
        return String.join(", ", exprs.stream().map(Expr::sql).toList());
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
