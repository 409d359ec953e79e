package dev.lightningdb.tck.sql;

import java.util.List;
import java.util.Random;

/**
 * Aggregate calls over the rows of a FROM clause: COUNT, SUM, MIN, MAX, AVG. A SUM is only generated
 * when its argument's bound times the number of rows cannot overflow the argument's type (an
 * INTEGER sum is INTEGER in LightningDB, BIGINT in H2). AVG is taken over DOUBLE, since the type of
 * an exact average is implementation-defined.
 */
final class AggregateGenerator {
    private static final SqlType[] NUMBERS = {SqlType.INTEGER, SqlType.BIGINT, SqlType.DECIMAL, SqlType.DOUBLE};

    private final Random random;
    private final ExpressionGenerator arguments;
    private final double rowBound;

    AggregateGenerator(Random random, List<Expr> columns, double rowBound) {
        this.random = random;
        // no subqueries inside aggregate arguments
        this.arguments = new ExpressionGenerator(random, columns, null, 2);
        this.rowBound = rowBound;
    }

    Expr aggregate() {
        return switch (random.nextInt(9)) {
            case 0 -> new Expr("COUNT(*)", SqlType.BIGINT, rowBound);
            case 1 -> {
                boolean distinct = Feature.COUNT_DISTINCT.on() && random.nextInt(3) == 0;
                yield new Expr("COUNT(" + (distinct ? "DISTINCT " : "") + argument(arguments.anyType()) + ")", SqlType.BIGINT, rowBound);
            }
            case 2, 3 -> sum();
            case 4, 5, 6 -> {
                Expr e = argumentExpr(arguments.anyType());
                yield new Expr((random.nextBoolean() ? "MIN(" : "MAX(") + e + ")", e.type(), e.bound());
            }
            default -> avg();
        };
    }

    private Expr sum() {
        SqlType t = NUMBERS[random.nextInt(NUMBERS.length)];
        Expr e = argumentExpr(t);
        if (e.bound() * rowBound > t.limit()) {
            e = arguments.leafOrLiteral(t);
        }
        if (e.bound() * rowBound > t.limit()) {
            return new Expr("COUNT(*)", SqlType.BIGINT, rowBound);
        }
        return new Expr("SUM(" + e + ")", t, e.bound() * rowBound);
    }

    private Expr avg() {
        if (!Feature.AVG.on()) {
            return new Expr("COUNT(*)", SqlType.BIGINT, rowBound);
        }
        if (!Feature.AVG_OF_EXPRESSION.on()) {
            // AVG of a DOUBLE column only (an exact average's type is implementation-defined)
            Expr e = arguments.leafOrLiteral(SqlType.DOUBLE);
            return e.sql().startsWith("CAST") ? new Expr("COUNT(*)", SqlType.BIGINT, rowBound)
                    : new Expr("AVG(" + e + ")", SqlType.DOUBLE, e.bound());
        }
        SqlType t = NUMBERS[random.nextInt(NUMBERS.length)];
        Expr e = argumentExpr(t);
        String arg = t == SqlType.DOUBLE ? e.sql() : "CAST(" + e + " AS DOUBLE)";
        return new Expr("AVG(" + arg + ")", SqlType.DOUBLE, e.bound());
    }

    private String argument(SqlType t) {
        return argumentExpr(t).sql();
    }

    private Expr argumentExpr(SqlType t) {
        return random.nextInt(3) == 0 ? arguments.expression(t, 1) : arguments.leafOrLiteral(t);
    }
}
