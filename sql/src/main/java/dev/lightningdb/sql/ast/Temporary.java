package dev.lightningdb.sql.ast;

/**
 * What makes a table temporary: its rows belong to the session that wrote them, and vanish with
 * it. A LOCAL one's definition belongs to its session too; a GLOBAL one's is shared and stored like
 * a permanent table's (as in the SQL standard and H2), so every session has its own rows of it.
 *
 * @param onCommit what the end of each transaction does to the rows (or, LOCAL only, the table)
 */
public record Temporary(boolean global, OnCommit onCommit) {
}
