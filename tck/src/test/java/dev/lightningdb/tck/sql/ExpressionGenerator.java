package dev.lightningdb.tck.sql;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Typed random expressions over a set of leaves (the columns in scope, or in a grouped query the
 * group keys and aggregates). Numbers carry a bound on their absolute value, and an operation that
 * could leave its type's range is not generated, so both databases compute the same value. Only
 * constructs whose meaning the SQL standard fixes are generated (no decimal division, no
 * DECIMAL-to-INTEGER casts, whose rounding is implementation-defined).
 */
final class ExpressionGenerator {
    /** Subqueries that an expression may contain; each returns null when it cannot make one. */
    interface Subqueries {
        Expr exists(int depth);

        Expr in(Expr left, int depth);

        Expr scalar(SqlType type, int depth);
    }

    private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">=", "!="};

    private final Random random;
    private final LiteralGenerator literals;
    private final Map<SqlType, List<Expr>> leaves = new EnumMap<>(SqlType.class);
    private final Subqueries subqueries;
    private final int subqueryDepth;

    ExpressionGenerator(Random random, List<Expr> leafList, Subqueries subqueries, int subqueryDepth) {
        this.random = random;
        this.literals = new LiteralGenerator(random);
        for (Expr e : leafList) {
            leaves.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
        }
        this.subqueries = subqueries;
        this.subqueryDepth = subqueryDepth;
    }

    /** Subqueries nest one level, or two with {@link Feature#NESTED_SUBQUERIES}. */
    private static int maxSubqueryDepth() {
        return Feature.NESTED_SUBQUERIES.on() ? 2 : 1;
    }

    boolean has(SqlType t) {
        return leaves.containsKey(t);
    }

    /** A type that has a leaf in scope, favouring numbers. */
    SqlType anyType() {
        List<SqlType> types = new ArrayList<>(leaves.keySet());
        if (types.isEmpty()) {
            return SqlType.INTEGER;
        }
        return types.get(random.nextInt(types.size()));
    }

    Expr leafOrLiteral(SqlType t) {
        List<Expr> l = leaves.get(t);
        if (l != null && random.nextInt(5) != 0) {
            return l.get(random.nextInt(l.size()));
        }
        return literals.literal(t);
    }

    Expr expression(SqlType t, int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return leafOrLiteral(t);
        }
        return switch (t) {
            case INTEGER, BIGINT, DECIMAL, DOUBLE -> number(t, depth);
            case VARCHAR -> string(depth);
            case DATE -> date(depth);
            case BOOLEAN -> predicate(depth);
        };
    }

    // ------------------------------------------------------------------ numbers

    private Expr number(SqlType t, int depth) {
        int choice = random.nextInt(14);
        Expr e = switch (choice) {
            case 0, 1, 2 -> additive(t, depth);
            case 3, 4 -> multiplicative(t, depth);
            case 5 -> negate(expression(t, depth - 1));
            case 6 -> division(t, depth);
            case 7 -> Feature.NUMERIC_FUNCTIONS.on() ? numericFunction(t, depth) : null;
            case 8, 9 -> conditional(t, depth);
            case 10 -> Feature.CAST.on() ? castToNumber(t, depth) : null;
            case 11 -> t == SqlType.INTEGER && Feature.STRING_FUNCTIONS.on() ? stringMeasure(depth) : null;
            case 12 -> Feature.SCALAR_SUBQUERY_IN_WHERE.on() && subqueryDepth < maxSubqueryDepth() && random.nextInt(3) == 0
                    ? subqueries.scalar(t, depth - 1) : null;
            default -> overflowOrZeroDivision(t, depth);
        };
        return e != null && e.bound() <= t.limit() ? e : leafOrLiteral(t);
    }

    /** The operand type for an operation producing {@code t} (INTEGER mixes into every type). */
    private SqlType operand(SqlType t) {
        return t != SqlType.INTEGER && random.nextInt(3) == 0 ? SqlType.INTEGER : t;
    }

    private Expr additive(SqlType t, int depth) {
        Expr a = expression(t, depth - 1);
        Expr b = expression(operand(t), depth - 1);
        if (random.nextBoolean()) {
            Expr swap = a;
            a = b;
            b = swap;
        }
        String op = random.nextBoolean() ? " + " : " - ";
        return new Expr("(" + a + op + b + ")", t, a.bound() + b.bound());
    }

    private Expr multiplicative(SqlType t, int depth) {
        Expr a = expression(t, depth - 1);
        // DECIMAL times DECIMAL grows the scale; keep one side an integer.
        Expr b = expression(t == SqlType.DECIMAL ? SqlType.INTEGER : operand(t), depth - 1);
        return new Expr("(" + a + " * " + b + ")", t, Math.max(1, a.bound()) * Math.max(1, b.bound()));
    }

    private Expr negate(Expr e) {
        return new Expr("-(" + e + ")", e.type(), e.bound());
    }

    private Expr division(SqlType t, int depth) {
        if (t == SqlType.DECIMAL) {
            return null; // the scale of a decimal quotient is implementation-defined
        }
        Expr a = expression(t, depth - 1);
        long d = literals.nonZero(t == SqlType.DOUBLE ? 8 : 12);
        if (t.isExactInteger() && random.nextBoolean()) {
            String sql = random.nextBoolean() ? "MOD(" + a + ", " + d + ")" : "(" + a + " % " + d + ")";
            return new Expr(sql, t, Math.min(a.bound(), d));
        }
        return new Expr("(" + a + " / " + d + ")", t, a.bound());
    }

    /** CHAR_LENGTH, POSITION or EXTRACT: an INTEGER from a string or a date. */
    private Expr stringMeasure(int depth) {
        return switch (random.nextInt(3)) {
            case 0 -> Feature.POSITION.on()
                    ? new Expr("POSITION(" + literals.literal(SqlType.VARCHAR) + " IN " + string(depth - 1) + ")", SqlType.INTEGER, 100) : null;
            case 1 -> Feature.EXTRACT.on() ? new Expr("EXTRACT(" + new String[] {"YEAR", "MONTH", "DAY"}[random.nextInt(3)] + " FROM "
                    + date(depth - 1) + ")", SqlType.INTEGER, 3000) : null;
            default -> new Expr("CHAR_LENGTH(" + string(depth - 1) + ")", SqlType.INTEGER, 100);
        };
    }

    private Expr numericFunction(SqlType t, int depth) {
        Expr a = expression(t, depth - 1);
        if (t == SqlType.DOUBLE && random.nextBoolean()) {
            return new Expr((random.nextBoolean() ? "FLOOR(" : "CEIL(") + a + ")", t, a.bound() + 1);
        }
        return new Expr("ABS(" + a + ")", t, a.bound());
    }

    private Expr castToNumber(SqlType t, int depth) {
        return switch (t) {
            case BIGINT -> {
                Expr a = expression(SqlType.INTEGER, depth - 1);
                yield new Expr("CAST(" + a + " AS BIGINT)", t, a.bound());
            }
            case DECIMAL -> {
                Expr a = expression(SqlType.INTEGER, depth - 1);
                yield new Expr("CAST(" + a + " AS DECIMAL(15,2))", t, a.bound());
            }
            case DOUBLE -> {
                Expr a = expression(random.nextBoolean() ? SqlType.INTEGER : SqlType.DECIMAL, depth - 1);
                yield new Expr("CAST(" + a + " AS DOUBLE)", t, a.bound());
            }
            default -> null;
        };
    }

    /** Off by default: see {@link Feature#INTEGER_OVERFLOW} and {@link Feature#DIVISION_BY_ZERO}. */
    private Expr overflowOrZeroDivision(SqlType t, int depth) {
        if (t == SqlType.INTEGER && Feature.INTEGER_OVERFLOW.on()) {
            Expr a = expression(t, depth - 1);
            return new Expr("(" + a + " + 2147483000)", t, 0);
        }
        if (t.isExactInteger() && Feature.DIVISION_BY_ZERO.on()) {
            return new Expr("(" + expression(t, depth - 1) + " / 0)", t, 0);
        }
        return null;
    }

    // ------------------------------------------------------------------ strings, dates, CASE

    private Expr string(int depth) {
        if (depth <= 0) {
            return leafOrLiteral(SqlType.VARCHAR);
        }
        SqlType t = SqlType.VARCHAR;
        return switch (random.nextInt(8)) {
            case 0, 1 -> Feature.CONCAT.on() ? Expr.of("(" + string(depth - 1) + " || " + string(depth - 1) + ")", t) : leafOrLiteral(t);
            case 2 -> Feature.STRING_FUNCTIONS.on()
                    ? Expr.of((random.nextBoolean() ? "UPPER(" : "LOWER(") + string(depth - 1) + ")", t) : leafOrLiteral(t);
            case 3 -> Feature.STRING_FUNCTIONS.on() ? stringFunction(depth) : leafOrLiteral(t);
            case 4, 5 -> conditional(t, depth);
            case 6 -> Feature.CAST.on()
                    ? Expr.of("CAST(" + expression(SqlType.INTEGER, depth - 1) + " AS VARCHAR(20))", t) : leafOrLiteral(t);
            default -> leafOrLiteral(t);
        };
    }

    private Expr stringFunction(int depth) {
        Expr s = string(depth - 1);
        return switch (random.nextInt(4)) {
            case 0 -> Feature.TRIM.on() ? Expr.of("TRIM(" + s + ")", SqlType.VARCHAR) : s;
            case 1 -> Expr.of("SUBSTRING(" + s + ", " + (1 + random.nextInt(3)) + ", " + random.nextInt(4) + ")", SqlType.VARCHAR);
            case 2 -> Feature.SUBSTRING_FROM_FOR.on() ? Expr.of("SUBSTRING(" + s + " FROM " + (1 + random.nextInt(3))
                    + (random.nextBoolean() ? " FOR " + random.nextInt(4) : "") + ")", SqlType.VARCHAR) : s;
            default -> Expr.of("REPLACE(" + s + ", " + literals.literal(SqlType.VARCHAR) + ", " + literals.literal(SqlType.VARCHAR) + ")", SqlType.VARCHAR);
        };
    }

    private Expr date(int depth) {
        return random.nextBoolean() ? conditional(SqlType.DATE, depth) : leafOrLiteral(SqlType.DATE);
    }

    /** CASE, COALESCE or NULLIF producing {@code t}. */
    private Expr conditional(SqlType t, int depth) {
        int choice = random.nextInt(4);
        if (choice == 0 && Feature.COALESCE.on()) {
            Expr a = expression(t, depth - 1);
            Expr b = expression(t, depth - 1);
            if (b.sql().equals(a.sql()) && !Feature.COALESCE_SAME_ARGUMENTS.on()) {
                b = literals.literal(t);
            }
            return new Expr("COALESCE(" + a + ", " + b + ")", t, Math.max(a.bound(), b.bound()));
        }
        if (choice == 1 && Feature.NULLIF.on()) {
            Expr a = expression(t, depth - 1);
            Expr b = expression(t, depth - 1);
            if (b.sql().equals(a.sql()) && !Feature.NULLIF_SAME_ARGUMENTS.on()) {
                b = literals.literal(t);
            }
            return new Expr("NULLIF(" + a + ", " + b + ")", t, a.bound());
        }
        if (!Feature.CASE.on()) {
            return leafOrLiteral(t);
        }
        if (choice == 2) {
            SqlType st = anyType();
            Expr subject = expression(st, depth - 1);
            Expr w = expression(st, depth - 1);
            Expr a = expression(t, depth - 1);
            Expr b = expression(t, depth - 1);
            return new Expr("CASE " + subject + " WHEN " + w + " THEN " + a + " ELSE " + b + " END", t,
                    Math.max(a.bound(), b.bound()));
        }
        Expr a = expression(t, depth - 1);
        if (Feature.CASE_WITHOUT_ELSE.on() && random.nextInt(4) == 0) {
            return new Expr("CASE WHEN " + predicate(depth - 1) + " THEN " + a + " END", t, a.bound());
        }
        Expr b = expression(t, depth - 1);
        return new Expr("CASE WHEN " + predicate(depth - 1) + " THEN " + a + " ELSE " + b + " END", t,
                Math.max(a.bound(), b.bound()));
    }

    // ------------------------------------------------------------------ predicates

    Expr predicate(int depth) {
        if (depth <= 0) {
            return leafPredicate();
        }
        int choice = random.nextInt(20);
        String sql = switch (choice) {
            case 0, 1, 2, 3, 4 -> comparison(depth);
            case 5, 6 -> "(" + predicate(depth - 1) + " AND " + predicate(depth - 1) + ")";
            case 7, 8 -> "(" + predicate(depth - 1) + " OR " + predicate(depth - 1) + ")";
            case 9 -> "(NOT " + predicate(depth - 1) + ")";
            case 10 -> Feature.BETWEEN.on() ? between(depth) : comparison(depth);
            case 11 -> Feature.IN_LIST.on() ? inList(depth) : comparison(depth);
            case 12 -> Feature.LIKE.on() ? like(depth) : comparison(depth);
            case 13 -> "(" + expression(anyType(), depth - 1) + (random.nextBoolean() ? " IS NULL)" : " IS NOT NULL)");
            case 15 -> Feature.TRUTH_TESTS.on() && (subqueryDepth == 0 || Feature.TRUTH_TESTS_IN_SUBQUERIES.on()) ? "(" + predicate(depth - 1) + " IS " + (random.nextBoolean() ? "NOT " : "")
                    + new String[] {"TRUE", "FALSE", "UNKNOWN"}[random.nextInt(3)] + ")" : comparison(depth);
            case 14 -> subqueryPredicate(depth);
            default -> leafPredicate().sql();
        };
        String result = sql == null ? comparison(depth) : sql;
        if (!Feature.CONSTANT_PREDICATES.on() && !COLUMN.matcher(result).find()) {
            result = columnPredicate(result);
        }
        return Expr.of(result, SqlType.BOOLEAN);
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("A\\d+\\.C\\d+");

    /** {@code constant} made to depend on a column (see {@link Feature#CONSTANT_PREDICATES}). */
    private String columnPredicate(String constant) {
        List<Expr> columns = new ArrayList<>();
        for (List<Expr> l : leaves.values()) {
            for (Expr e : l) {
                if (COLUMN.matcher(e.sql()).find()) {
                    columns.add(e);
                }
            }
        }
        if (columns.isEmpty()) {
            return constant;
        }
        Expr c = columns.get(random.nextInt(columns.size()));
        return "(" + constant + (random.nextBoolean() ? " AND " : " OR ") + c + " IS " + (random.nextBoolean() ? "NOT " : "") + "NULL)";
    }

    private Expr leafPredicate() {
        if (has(SqlType.BOOLEAN) && random.nextInt(3) == 0) {
            return leafOrLiteral(SqlType.BOOLEAN);
        }
        SqlType t = anyType();
        if (t == SqlType.BOOLEAN) {
            return leafOrLiteral(t);
        }
        Expr a = leafOrLiteral(t);
        Expr b = leafOrLiteral(t);
        if (b.sql().equals(a.sql()) && !Feature.SELF_COMPARISON.on()) {
            b = literals.literal(t);
        }
        return Expr.of("(" + a + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + b + ")", SqlType.BOOLEAN);
    }

    /** A type of the same family as {@code t} (numbers compare across types). */
    private SqlType sameFamily(SqlType t) {
        if (t.isNumber() && random.nextInt(3) == 0) {
            SqlType[] numbers = {SqlType.INTEGER, SqlType.BIGINT, SqlType.DECIMAL, SqlType.DOUBLE};
            return numbers[random.nextInt(numbers.length)];
        }
        return t;
    }

    private String comparison(int depth) {
        SqlType t = anyType();
        Expr a = expression(t, depth - 1);
        Expr b = expression(sameFamily(t), depth - 1);
        if (b.sql().equals(a.sql()) && !Feature.SELF_COMPARISON.on()) {
            b = literals.literal(t);
        }
        return "(" + a + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + b + ")";
    }

    private String between(int depth) {
        SqlType t = anyType();
        Expr x = expression(t, depth - 1);
        return "(" + x + (random.nextInt(3) == 0 ? " NOT" : "") + " BETWEEN " + expression(sameFamily(t), depth - 1)
                + " AND " + expression(sameFamily(t), depth - 1) + ")";
    }

    private String inList(int depth) {
        SqlType t = anyType();
        Expr x = expression(t, depth - 1);
        List<String> items = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            items.add(random.nextInt(8) == 0 ? "NULL" : (random.nextInt(3) == 0 ? expression(t, depth - 1) : literals.literal(t)).sql());
        }
        if (items.stream().allMatch("NULL"::equals)) {
            items.add(literals.literal(t).sql());
        }
        return "(" + x + (random.nextInt(3) == 0 ? " NOT" : "") + " IN (" + String.join(", ", items) + "))";
    }

    private String like(int depth) {
        Expr s = string(depth - 1);
        String not = random.nextInt(3) == 0 ? " NOT" : "";
        if (Feature.LIKE_ESCAPE.on() && random.nextInt(4) == 0) {
            String pattern = literals.likePattern();
            pattern = pattern.substring(0, pattern.length() - 1) + "!%'";
            return "(" + s + not + " LIKE " + pattern + " ESCAPE '!')";
        }
        return "(" + s + not + " LIKE " + literals.likePattern() + ")";
    }

    private String subqueryPredicate(int depth) {
        if (subqueryDepth >= maxSubqueryDepth()) {
            return null;
        }
        Expr e = switch (random.nextInt(3)) {
            case 0 -> Feature.EXISTS_SUBQUERY.on() ? subqueries.exists(depth - 1) : null;
            case 1 -> Feature.IN_SUBQUERY.on() ? subqueries.in(expression(anyType(), depth - 1), depth - 1) : null;
            default -> {
                if (!Feature.SCALAR_SUBQUERY_IN_WHERE.on()) {
                    yield null;
                }
                SqlType t = anyType();
                Expr scalar = subqueries.scalar(t, depth - 1);
                yield scalar == null ? null : Expr.of("(" + expression(t, depth - 1) + " " + COMPARISONS[random.nextInt(6)] + " "
                        + scalar + ")", SqlType.BOOLEAN);
            }
        };
        return e == null ? null : e.sql();
    }
}
