/**
 * The SQL layer's facade: {@link dev.lightningdb.sql.session.Database} (one per open engine: the
 * committed catalog, the planner, the statement cache), {@link dev.lightningdb.sql.session.Session}
 * (one client's conversation: auto-commit, isolation, its transaction, savepoints, uncommitted DDL)
 * and {@link dev.lightningdb.sql.session.Prepared} (a parsed statement, runnable many times).
 *
 * <p>The driver imports this package and {@code result}, nothing else of the SQL layer. The session
 * decides which transaction a statement runs in and hands the statement's executor a
 * {@code exec.StatementContext}; executors never call back into this package.
 */
package dev.lightningdb.sql.session;
