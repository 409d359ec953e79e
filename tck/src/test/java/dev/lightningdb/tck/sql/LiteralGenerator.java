package dev.lightningdb.tck.sql;

import java.util.List;
import java.util.Random;

/**
 * Literal values for data and expressions, drawn from small domains so that duplicates, ties and
 * LIKE matches are common. Every literal is written so that both databases read it as the same
 * type (a DOUBLE literal is a CAST, as H2 reads 1.5E0 as DECFLOAT).
 */
final class LiteralGenerator {
    private static final List<String> ASCII = List.of("", "a", "A", "ab", "abc", "b", "ba", "a%", "a_b", " a", "a ",
            "x'y", "zz", "Ab", "B", "0", "10", "9");
    private static final List<String> UNICODE = List.of("é", "É", "ß", "日本", "ø", "ab\u00e9", "\u20ac", "a\uD83D\uDE00");
    private static final List<String> LATIN1 = List.of("é", "É", "ß", "ø", "ab\u00e9");
    private static final List<String> DATES = List.of("2000-01-01", "2000-02-29", "1999-12-31", "2020-06-15",
            "1970-01-01", "2024-02-29", "2038-01-19", "1969-07-20");

    private final Random random;

    LiteralGenerator(Random random) {
        this.random = random;
    }

    /** A value for column {@code c}, never NULL. */
    String value(Schema.Column c) {
        return switch (c.type()) {
            case INTEGER -> Long.toString(integer((long) SchemaGenerator.MAX_INT));
            case BIGINT -> Long.toString(random.nextInt(20) == 0 ? (random.nextBoolean() ? 1 : -1) * (3_000_000_000L + random.nextInt(1000))
                    : integer((long) SchemaGenerator.MAX_INT));
            case DECIMAL -> decimal(c.precision(), c.scale());
            case DOUBLE -> doubleValue();
            case VARCHAR -> string(c.length());
            case BOOLEAN -> random.nextBoolean() ? "TRUE" : "FALSE";
            case DATE -> date();
        };
    }

    /** A literal of type {@code t} for use inside expressions. */
    Expr literal(SqlType t) {
        return switch (t) {
            case INTEGER -> {
                long v = integer(100);
                yield new Expr(v < 0 ? "(" + v + ")" : Long.toString(v), t, Math.abs(v));
            }
            case BIGINT -> {
                long v = (random.nextBoolean() ? 1 : -1) * (3_000_000_000L + random.nextInt(100));
                yield new Expr(v < 0 ? "(" + v + ")" : Long.toString(v), t, Math.abs(v));
            }
            case DECIMAL -> {
                String v = decimal(5, 2);
                yield new Expr(v.startsWith("-") ? "(" + v + ")" : v, t, 1000);
            }
            case DOUBLE -> new Expr("CAST(" + doubleValue() + " AS DOUBLE)", t, SchemaGenerator.MAX_DOUBLE);
            case VARCHAR -> Expr.of(string(4, Feature.NON_LATIN1_LITERALS_IN_QUERIES.on() ? UNICODE : LATIN1), t);
            case BOOLEAN -> Expr.of(random.nextBoolean() ? "TRUE" : "FALSE", t);
            case DATE -> Expr.of(date(), t);
        };
    }

    /** A small integer, sometimes up to {@code max}: mostly in [-20, 20]. */
    long integer(long max) {
        return random.nextInt(4) == 0 ? (long) (random.nextDouble() * 2 * max) - max : random.nextInt(41) - 20;
    }

    /** A positive integer literal that is never zero. */
    long nonZero(int max) {
        return 1 + random.nextInt(max);
    }

    String decimal(int precision, int scale) {
        long unscaledMax = (long) Math.pow(10, Math.min(precision, 4 + scale)) - 1;
        long unscaled = random.nextInt(3) == 0 ? (long) (random.nextDouble() * 2 * unscaledMax) - unscaledMax
                : (random.nextInt(21) - 10) * (long) Math.pow(10, scale) / (1 + random.nextInt(4));
        return java.math.BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    String doubleValue() {
        double v = (random.nextInt(161) - 80) / 4.0;
        return Double.toString(v);
    }

    String string(int maxLength) {
        return string(maxLength, UNICODE);
    }

    private String string(int maxLength, List<String> unicode) {
        List<String> pool = Feature.UNICODE_STRINGS.on() && random.nextInt(6) == 0 ? unicode : ASCII;
        String s = pool.get(random.nextInt(pool.size()));
        if (s.length() > maxLength) {
            s = s.substring(0, maxLength);
            if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                s = s.substring(0, s.length() - 1); // never split a surrogate pair
            }
        }
        return quote(s);
    }

    String date() {
        return "DATE '" + DATES.get(random.nextInt(DATES.size())) + "'";
    }

    /** A LIKE pattern built from the string pool's letters and wildcards. */
    String likePattern() {
        String[] parts = {"a", "b", "%", "_", "A", "x", "é", "%", "'"};
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(parts[random.nextInt(parts.length)]);
        }
        return quote(sb.toString());
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
