package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SELECT statements over a {@link Schema}: projections, filters, joins, grouping with
 * aggregates, DISTINCT, subqueries, ORDER BY with LIMIT/OFFSET. Each query says whether its ORDER BY
 * fixes the order of its rows completely (then results compare as lists, else as multisets); LIMIT
 * and OFFSET are only used when it does, since otherwise the set of rows returned is not defined.
 */
final class QueryGenerator {
    /** A query and whether the order of its rows is fully defined. */
    record Query(String sql, boolean ordered, String h2Sql) {
        Query(String sql, boolean ordered) {
            this(sql, ordered, sql);
        }
    }

    private final Random random;
    private final Schema schema;
    /** Only constructs H2 also understands (no RIGHT or FULL JOIN). */
    private final boolean h2Compatible;
    private final LiteralGenerator literals;
    private int aliasCounter;

    QueryGenerator(Random random, Schema schema, boolean h2Compatible) {
        this.random = random;
        this.schema = schema;
        this.h2Compatible = h2Compatible;
        this.literals = new LiteralGenerator(random);
    }

    Query query() {
        aliasCounter = 0;
        FromClause from = from(0);
        int kind = random.nextInt(20);
        if (kind < 5 && Feature.GROUP_BY.on()) {
            return grouped(from);
        }
        if (kind < 7) {
            return globalAggregate(from);
        }
        if (kind < 9 && Feature.SET_OPERATIONS.on()) {
            return setOperation(from);
        }
        if (kind < 11 && AnalyticQueryGenerator.enabled()) {
            return new AnalyticQueryGenerator(random, this).query();
        }
        return plain(from);
    }

    /** Two SELECTs with the same column types combined by UNION [ALL], INTERSECT or EXCEPT. */
    private Query setOperation(FromClause left) {
        FromClause right = from(0);
        if (!right.with().isEmpty() && !Feature.WITH_IN_SET_OPERAND.on()) {
            right = single(randomTable());
        }
        ExpressionGenerator l = selectExpressions(left);
        ExpressionGenerator r = selectExpressions(right);
        List<String> li = new ArrayList<>();
        List<String> ri = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            SqlType t = l.anyType();
            li.add(l.expression(t, random.nextInt(2)).sql() + (Feature.SET_OPERATION_DUPLICATE_NAMES.on() ? "" : " AS X" + i));
            ri.add(r.expression(t, random.nextInt(2)).sql());
        }
        List<String> ops = new ArrayList<>(List.of("UNION", "UNION ALL"));
        if (Feature.INTERSECT_EXCEPT.on()) {
            ops.addAll(List.of("INTERSECT", "EXCEPT"));
            if (!h2Compatible) {
                ops.addAll(List.of("INTERSECT ALL", "EXCEPT ALL"));
            }
        }
        String op = ops.get(random.nextInt(ops.size()));
        String lw = random.nextBoolean() ? " WHERE " + rowExpressions(left, 1).predicate(1) : "";
        String rw = random.nextBoolean() ? " WHERE " + rowExpressions(right, 1).predicate(1) : "";
        StringBuilder sql = new StringBuilder(left.with()).append("SELECT ").append(String.join(", ", li)).append(" FROM ")
                .append(left.sql()).append(lw).append(" ").append(op).append(" ");
        // a WITH clause may only start the whole statement: wrap the right side if it has one
        String rightQuery = "SELECT " + String.join(", ", ri) + " FROM " + right.sql() + rw;
        sql.append(right.with().isEmpty() ? rightQuery : "(" + right.with() + rightQuery + ")");
        if (Feature.ORDER_BY.on() && random.nextBoolean()) {
            return orderByAllColumns(sql, n, op.equals("UNION ALL") || Feature.LIMIT_AFTER_UNION.on());
        }
        return new Query(sql.toString(), false);
    }

    // ------------------------------------------------------------------ FROM

    Schema.Table randomTable() {
        return schema.tables().get(random.nextInt(schema.tables().size()));
    }

    String nextAlias() {
        return "A" + (++aliasCounter);
    }

    void resetAliases() {
        aliasCounter = 0;
    }

    static List<Expr> columnsOf(Schema.Table t, String alias) {
        List<Expr> out = new ArrayList<>();
        for (Schema.Column c : t.columns()) {
            out.add(new Expr(alias + "." + c.name(), c.type(), c.bound()));
        }
        return out;
    }

    private static List<Expr> keyOf(Schema.Table t, String alias) {
        List<Expr> out = new ArrayList<>();
        for (Schema.Column c : t.key()) {
            out.add(new Expr(alias + "." + c.name(), c.type(), c.bound()));
        }
        return out;
    }

    private FromClause single(Schema.Table table) {
        String alias = nextAlias();
        Schema.Table t = ViewGenerator.maybeView(schema, table, alias);
        return new FromClause(t.name() + " AS " + alias, columnsOf(t, alias), keyOf(t, alias), Math.max(1, t.rows().size()));
    }

    /** A FROM clause; {@code depth} > 0 inside subqueries keeps them to one table. */
    FromClause from(int depth) {
        int choice = random.nextInt(20);
        if (depth > 0 || choice < 9) {
            return single(randomTable());
        }
        if (choice < 11 && Feature.DERIVED_TABLE.on()) {
            return derived();
        }
        if (choice == 11 && Feature.CROSS_JOIN_COMMA.on()) {
            FromClause a = single(randomTable());
            FromClause b = single(randomTable());
            return new FromClause(a.sql() + ", " + b.sql(), concat(a.columns(), b.columns()), NoPrimaryKeyTables.jointKey(a, b),
                    a.rowBound() * b.rowBound());
        }
        return join();
    }

    private FromClause join() {
        FromClause a = single(randomTable());
        FromClause b = single(randomTable());
        List<String> types = new ArrayList<>();
        if (Feature.INNER_JOIN.on()) {
            types.add(random.nextBoolean() ? "INNER JOIN" : "JOIN");
        }
        if (Feature.LEFT_JOIN.on()) {
            types.add(random.nextBoolean() ? "LEFT JOIN" : "LEFT OUTER JOIN");
        }
        if (!h2Compatible && Feature.RIGHT_JOIN.on()) {
            types.add("RIGHT JOIN");
        }
        if (!h2Compatible && Feature.FULL_JOIN.on()) {
            types.add("FULL OUTER JOIN");
        }
        if (types.isEmpty()) {
            types.add("INNER JOIN");
        }
        String type = types.get(random.nextInt(types.size()));
        List<Expr> both = concat(a.columns(), b.columns());
        String on = joinCondition(a.columns(), b.columns());
        boolean outer = type.startsWith("RIGHT") || type.startsWith("FULL");
        if (random.nextInt(3) == 0 && (!outer || Feature.OUTER_JOIN_EXTRA_ON_CONDITION.on())) {
            on = "(" + on + " AND " + new ExpressionGenerator(random, both, null, 2).predicate(1) + ")";
        }
        return new FromClause(a.sql() + " " + type + " " + b.sql() + " ON " + on, both, NoPrimaryKeyTables.jointKey(a, b),
                a.rowBound() * b.rowBound());
    }

    /** An equality between a column of each side with the same type family (C0 with C0 always fits). */
    private String joinCondition(List<Expr> left, List<Expr> right) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Expr l = left.get(random.nextInt(left.size()));
            if (l.type() == SqlType.BOOLEAN && !Feature.JOIN_ON_BOOLEAN.on()) {
                continue;
            }
            List<Expr> candidates = right.stream().filter(r -> r.type().family == l.type().family).toList();
            if (!candidates.isEmpty()) {
                return l + " = " + candidates.get(random.nextInt(candidates.size()));
            }
        }
        return left.get(0) + " = " + right.get(0);
    }

    private FromClause derived() {
        Schema.Table t = randomTable();
        String inner = nextAlias();
        List<Schema.Column> picked = new ArrayList<>();
        for (Schema.Column c : t.columns()) {
            if (c == t.columns().get(0) || random.nextBoolean()) {
                picked.add(c);
            }
        }
        List<String> items = new ArrayList<>();
        for (Schema.Column c : picked) {
            items.add(inner + "." + c.name());
        }
        String where = random.nextBoolean() ? " WHERE " + new ExpressionGenerator(random, columnsOf(t, inner), null, 2).predicate(2) : "";
        String alias = nextAlias();
        List<Expr> columns = new ArrayList<>();
        for (Schema.Column c : picked) {
            columns.add(new Expr(alias + "." + c.name(), c.type(), c.bound()));
        }
        boolean keyKept = picked.containsAll(t.key());
        List<Expr> key = keyKept ? t.key().stream().map(c -> new Expr(alias + "." + c.name(), c.type(), c.bound())).toList() : List.of();
        String body = "SELECT " + String.join(", ", items) + " FROM " + t.name() + " AS " + inner + where;
        if (Feature.WITH_CTE.on() && random.nextBoolean()) {
            String name = "W" + alias;
            return new FromClause(name + " AS " + alias, columns, key, Math.max(1, t.rows().size()), "WITH " + name + " AS (" + body + ") ");
        }
        return new FromClause("(" + body + ") AS " + alias, columns, key, Math.max(1, t.rows().size()));
    }

    // ------------------------------------------------------------------ query shapes

    /** Expressions over the rows of {@code from}, with subqueries that may refer to them. */
    ExpressionGenerator rowExpressions(FromClause from, int subqueryDepth) {
        return new ExpressionGenerator(random, from.columns(), new SubqueryGenerator(this, from.columns(), subqueryDepth), subqueryDepth);
    }

    /** Expressions for a SELECT list: subqueries in them are correlated only if {@link Feature#CORRELATED_SCALAR_SUBQUERY_IN_SELECT}. */
    ExpressionGenerator selectExpressions(FromClause from) {
        boolean correlate = Feature.CORRELATED_SCALAR_SUBQUERY_IN_SELECT.on();
        return new ExpressionGenerator(random, from.columns(), new SubqueryGenerator(this, from.columns(), 0, correlate), 0);
    }

    private Query plain(FromClause from) {
        ExpressionGenerator rows = rowExpressions(from, 0);
        ExpressionGenerator select = selectExpressions(from);
        List<String> items = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (Feature.SCALAR_SUBQUERY_IN_SELECT.on() && random.nextInt(12) == 0) {
                Expr s = new SubqueryGenerator(this, from.columns(), 0).scalarInSelect(rows.anyType());
                if (s != null) {
                    items.add(s.sql());
                    continue;
                }
            }
            items.add(random.nextBoolean() ? select.leafOrLiteral(select.anyType()).sql() : select.expression(select.anyType(), 2).sql());
        }
        boolean distinct = Feature.DISTINCT.on() && random.nextInt(6) == 0;
        StringBuilder sql = new StringBuilder(from.with()).append("SELECT ").append(distinct ? "DISTINCT " : "").append(String.join(", ", items))
                .append(" FROM ").append(from.sql());
        if (random.nextInt(10) < 7) {
            sql.append(" WHERE ").append(rows.predicate(1 + random.nextInt(3)));
        }
        if (!Feature.ORDER_BY.on()) {
            return new Query(sql.toString(), false);
        }
        int order = random.nextInt(10);
        if (order < 3) {
            return new Query(sql.toString(), false);
        }
        if (order < 7 || distinct || from.uniqueKey().isEmpty()) {
            return orderByAllColumns(sql, items.size());
        }
        if (order < 9) {
            // Leading random sort keys, then the unique key: the order is fully defined.
            List<String> keys = new ArrayList<>();
            if (random.nextBoolean()) {
                // a column, not a literal: ORDER BY (-3) is an ordinal to LightningDB (see report)
                keys.add(sortItem(from.columns().get(random.nextInt(from.columns().size())).sql()));
            }
            for (Expr k : from.uniqueKey()) {
                keys.add(sortItem(k.sql()));
            }
            sql.append(" ORDER BY ").append(String.join(", ", keys));
            return new Query(sql.append(limit()).toString(), true);
        }
        // A sort on a non-unique expression without LIMIT: the rows are defined, their order is not.
        String key = rows.expression(rows.anyType(), 1).sql();
        if (!Feature.CONSTANT_SORT_KEY.on() && !key.matches("(?s).*A\\d+\\.C\\d+.*")) {
            key = from.columns().get(random.nextInt(from.columns().size())).sql();
        }
        sql.append(" ORDER BY ").append(sortItem(key));
        return new Query(sql.toString(), false);
    }

    private Query grouped(FromClause from) {
        ExpressionGenerator rows = rowExpressions(from, 0);
        ExpressionGenerator keyExpressions = new ExpressionGenerator(random, from.columns(), null, 2); // no subqueries in GROUP BY
        List<Expr> keys = new ArrayList<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            if (!Feature.GROUP_BY_PLAIN_COLUMN.on()) {
                keys.add(opaqueKey(from.columns().get(random.nextInt(from.columns().size()))));
            } else {
                keys.add(random.nextInt(4) == 0 ? keyExpressions.expression(keyExpressions.anyType(), 1)
                        : keyExpressions.leafOrLiteral(keyExpressions.anyType()));
            }
        }
        keys.removeIf(k -> !k.sql().matches(".*A\\d+\\.C\\d+.*")); // a constant group key says nothing
        if (keys.isEmpty()) {
            keys.add(from.columns().get(random.nextInt(from.columns().size())));
        }
        AggregateGenerator aggregates = new AggregateGenerator(random, from.columns(), from.rowBound());
        List<Expr> aggs = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            aggs.add(aggregates.aggregate());
        }
        // H2 only recognizes a group key inside a larger expression when the key is a plain column.
        List<Expr> groupLeaves = concat(keys.stream().filter(k -> k.sql().matches("A\\d+\\.C\\d+")).toList(), aggs);
        ExpressionGenerator groups = new ExpressionGenerator(random, groupLeaves, null, 2);
        List<String> items = new ArrayList<>();
        for (Expr k : keys) {
            if (random.nextInt(5) != 0) {
                items.add(k.sql());
            }
        }
        for (Expr a : aggs) {
            items.add(random.nextInt(4) == 0 ? groups.expression(a.type(), 1).sql() : a.sql());
        }
        StringBuilder sql = new StringBuilder(from.with()).append("SELECT ").append(String.join(", ", items)).append(" FROM ").append(from.sql());
        if (random.nextBoolean()) {
            sql.append(" WHERE ").append(rows.predicate(1 + random.nextInt(2)));
        }
        sql.append(" GROUP BY ").append(String.join(", ", keys.stream().map(Expr::sql).toList()));
        if (Feature.HAVING.on() && random.nextInt(3) == 0) {
            sql.append(" HAVING ").append(groups.predicate(1 + random.nextInt(2)));
        }
        if (Feature.ORDER_BY.on() && random.nextBoolean()) {
            return orderByAllColumns(sql, items.size());
        }
        return new Query(sql.toString(), false);
    }

    /** A group key over column {@code c} that the planner cannot simplify back to the column (see {@link Feature#GROUP_BY_PLAIN_COLUMN}). */
    private Expr opaqueKey(Expr c) {
        boolean b = random.nextBoolean();
        return switch (c.type()) {
            case INTEGER, BIGINT -> b ? new Expr("ABS(" + c + ")", c.type(), c.bound()) : new Expr("MOD(" + c + ", 5)", c.type(), 5);
            case DECIMAL, DOUBLE -> b ? new Expr("ABS(" + c + ")", c.type(), c.bound()) : new Expr("FLOOR(" + c + ")", c.type(), c.bound() + 1);
            case VARCHAR -> Expr.of(b ? "UPPER(" + c + ")" : "(" + c + " || 'k')", c.type());
            case DATE -> new Expr("CASE WHEN " + c + " > DATE '2000-01-01' THEN 1 ELSE 0 END", SqlType.INTEGER, 1);
            case BOOLEAN -> new Expr("CASE WHEN " + c + " THEN 1 ELSE 0 END", SqlType.INTEGER, 1);
        };
    }

    private Query globalAggregate(FromClause from) {
        ExpressionGenerator rows = rowExpressions(from, 0);
        AggregateGenerator aggregates = new AggregateGenerator(random, from.columns(), from.rowBound());
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            items.add(aggregates.aggregate().sql());
        }
        StringBuilder sql = new StringBuilder(from.with()).append("SELECT ").append(String.join(", ", items)).append(" FROM ").append(from.sql());
        if (random.nextInt(10) < 7) {
            sql.append(" WHERE ").append(rows.predicate(1 + random.nextInt(3)));
        }
        return new Query(sql.toString(), true);
    }

    private Query orderByAllColumns(StringBuilder sql, int columns) {
        return orderByAllColumns(sql, columns, true);
    }

    private Query orderByAllColumns(StringBuilder sql, int columns, boolean mayLimit) {
        List<String> keys = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            ordinals.add(i);
        }
        java.util.Collections.shuffle(ordinals, random);
        for (int i : ordinals) {
            keys.add(sortItem(Integer.toString(i)));
        }
        sql.append(" ORDER BY ").append(String.join(", ", keys));
        return new Query(sql.append(mayLimit ? limit() : "").toString(), true);
    }

    private String sortItem(String expression) {
        String direction = switch (random.nextInt(3)) {
            case 0 -> " ASC";
            case 1 -> " DESC";
            default -> "";
        };
        String nulls = "";
        if (Feature.NULLS_FIRST_LAST.on() && random.nextInt(3) == 0) {
            nulls = random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST";
        }
        return expression + direction + nulls;
    }

    private String limit() {
        if (!Feature.LIMIT_OFFSET.on() || random.nextInt(10) < 5) {
            return "";
        }
        int n = random.nextInt(12);
        int offset = random.nextInt(8);
        if (Feature.FETCH_FIRST.on() && random.nextInt(3) == 0) {
            return random.nextBoolean() ? " FETCH FIRST " + n + " ROWS ONLY"
                    : " OFFSET " + offset + " ROWS FETCH NEXT " + n + " ROWS ONLY";
        }
        return random.nextBoolean() ? " LIMIT " + n : " LIMIT " + n + " OFFSET " + offset;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    Random random() {
        return random;
    }

    LiteralGenerator literals() {
        return literals;
    }
}
