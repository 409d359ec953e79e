package dev.lightningdb.tck.sql;

import java.util.List;

/**
 * A generated FROM clause: its text, the columns it brings into scope (qualified), the columns whose
 * values together identify a row (empty if none do), and a bound on how many rows it yields.
 */
record FromClause(String sql, List<Expr> columns, List<Expr> uniqueKey, double rowBound) {
}
