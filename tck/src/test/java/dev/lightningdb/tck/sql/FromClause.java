package dev.lightningdb.tck.sql;

import java.util.List;

/**
 * A generated FROM clause: its text, the columns it brings into scope (qualified), the columns whose
 * values together identify a row (empty if none do), a bound on how many rows it yields, and the
 * WITH clause (ending in a space) that must precede the query, or "".
 */
record FromClause(String sql, List<Expr> columns, List<Expr> uniqueKey, double rowBound, String with) {
    FromClause(String sql, List<Expr> columns, List<Expr> uniqueKey, double rowBound) {
        this(sql, columns, uniqueKey, rowBound, "");
    }
}
