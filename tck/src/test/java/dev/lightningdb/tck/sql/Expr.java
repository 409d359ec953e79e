package dev.lightningdb.tck.sql;

/**
 * A generated SQL expression with its type and, for numbers, an upper bound of its absolute value
 * (so that generators never build an expression that overflows on one database and not the other).
 */
record Expr(String sql, SqlType type, double bound) {
    static Expr of(String sql, SqlType type) {
        return new Expr(sql, type, 0);
    }

    @Override
    public String toString() {
        return sql;
    }
}
