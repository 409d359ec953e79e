package dev.lightningdb.sql.ast;

import dev.lightningdb.sql.result.ColumnType;

/**
 * A column as written in {@code CREATE TABLE} or {@code ADD COLUMN}.
 *
 * @param defaultSql the DEFAULT expression's text, or null
 * @param identity whether values are generated ({@code GENERATED ... AS IDENTITY}, AUTO_INCREMENT)
 * @param identityStart first generated value
 * @param identityIncrement step between generated values
 * @param generatedSql the expression of {@code GENERATED ALWAYS AS (expr)} (or H2's {@code AS (expr)}), or null
 */
public record ColumnSpec(String name, ColumnType type, boolean notNull, boolean primaryKey, String defaultSql, boolean identity,
                         long identityStart, long identityIncrement, String generatedSql) {
    /** A column that is not generated. */
    public ColumnSpec(String name, ColumnType type, boolean notNull, boolean primaryKey, String defaultSql, boolean identity,
                      long identityStart, long identityIncrement) {
        this(name, type, notNull, primaryKey, defaultSql, identity, identityStart, identityIncrement, null);
    }
}
