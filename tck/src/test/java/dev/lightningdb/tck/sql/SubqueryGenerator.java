package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Subqueries for a query whose rows are {@code outer}: EXISTS, IN and scalar aggregates over one
 * table, correlated with the outer columns when {@link Feature#CORRELATED_SUBQUERY} is on. Scalar
 * subqueries always aggregate, so they return exactly one row.
 */
final class SubqueryGenerator implements ExpressionGenerator.Subqueries {
    private final QueryGenerator queries;
    private final Random random;
    private final List<Expr> outer;
    private final int depth;

    SubqueryGenerator(QueryGenerator queries, List<Expr> outer, int depth) {
        this(queries, outer, depth, true);
    }

    /** {@code mayCorrelate} false: subqueries never refer to {@code outer} (used for SELECT lists). */
    SubqueryGenerator(QueryGenerator queries, List<Expr> outer, int depth, boolean mayCorrelate) {
        this.queries = queries;
        this.random = queries.random();
        this.outer = mayCorrelate ? outer : List.of();
        this.depth = depth;
    }

    /** The inner table, its alias and an expression generator over it (and the outer columns). */
    private record Inner(String from, List<Expr> columns, ExpressionGenerator expressions, ExpressionGenerator own, double rows) {
    }

    private Inner inner() {
        return inner(Feature.CORRELATED_SUBQUERY.on() && random.nextBoolean());
    }

    /** A scalar subquery for a SELECT list (correlated only if {@link Feature#CORRELATED_SCALAR_SUBQUERY_IN_SELECT}). */
    Expr scalarInSelect(SqlType type) {
        return scalar(type, inner(Feature.CORRELATED_SCALAR_SUBQUERY_IN_SELECT.on() && random.nextBoolean()));
    }

    private Inner inner(boolean correlated) {
        Schema.Table t = queries.randomTable();
        String alias = queries.nextAlias();
        List<Expr> own = QueryGenerator.columnsOf(t, alias);
        List<Expr> leaves = new ArrayList<>(own);
        if (correlated) {
            leaves.addAll(outer);
        }
        ExpressionGenerator g = new ExpressionGenerator(random, leaves, new SubqueryGenerator(queries, leaves, depth + 1), depth + 1);
        // Aggregate arguments use the inner columns only: an aggregate of outer columns alone belongs to the outer query.
        ExpressionGenerator ownOnly = new ExpressionGenerator(random, own, null, 2);
        return new Inner(t.name() + " AS " + alias, own, g, ownOnly, Math.max(1, t.rows().size()));
    }

    private String where(Inner in, boolean always) {
        if (!always && random.nextInt(4) == 0) {
            return "";
        }
        return " WHERE " + in.expressions().predicate(1 + random.nextInt(2));
    }

    @Override
    public Expr exists(int d) {
        Inner in = inner();
        String not = random.nextInt(3) == 0 ? "NOT " : "";
        return Expr.of("(" + not + "EXISTS (SELECT 1 FROM " + in.from() + where(in, true) + "))", SqlType.BOOLEAN);
    }

    @Override
    public Expr in(Expr left, int d) {
        boolean not = Feature.NOT_IN_SUBQUERY.on() && random.nextInt(3) == 0;
        boolean correlated = Feature.CORRELATED_SUBQUERY.on() && random.nextBoolean()
                && Feature.CORRELATED_IN_SUBQUERY.on();
        Inner in = inner(correlated);
        List<Expr> candidates = in.columns().stream().filter(c -> c.type().family == left.type().family).toList();
        String column = candidates.isEmpty() ? in.expressions().expression(left.type(), 1).sql()
                : candidates.get(random.nextInt(candidates.size())).sql();
        return Expr.of("(" + left + (not ? " NOT" : "") + " IN (SELECT " + column + " FROM " + in.from() + where(in, false) + "))", SqlType.BOOLEAN);
    }

    @Override
    public Expr scalar(SqlType type, int d) {
        return scalar(type, inner());
    }

    private Expr scalar(SqlType type, Inner in) {
        Expr arg = random.nextInt(3) == 0 ? in.own().expression(type, 1) : in.own().leafOrLiteral(type);
        String aggregate;
        double bound = arg.bound();
        int choice = random.nextInt(4);
        if (type.isNumber() && choice == 0) {
            aggregate = "COUNT(*)";
            bound = in.rows();
        } else if (type.isNumber() && choice == 1 && arg.bound() * in.rows() <= type.limit()) {
            aggregate = "SUM(" + arg + ")";
            bound = arg.bound() * in.rows();
        } else {
            aggregate = (random.nextBoolean() ? "MAX(" : "MIN(") + arg + ")";
        }
        return new Expr("(SELECT " + aggregate + " FROM " + in.from() + where(in, false) + ")", type, bound);
    }
}
