package dev.lightningdb.sql.ast;

/**
 * What the end of a transaction does to a temporary table ({@code CREATE TEMPORARY TABLE ... ON
 * COMMIT ...}); a permanent table has none (null).
 */
public enum OnCommit {
    /** The rows stay until the session ends (the default, as in PostgreSQL and H2). */
    PRESERVE_ROWS,
    /** Every commit empties the table. */
    DELETE_ROWS,
    /** Every commit drops the table. */
    DROP
}
