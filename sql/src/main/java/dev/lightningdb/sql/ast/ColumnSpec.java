package dev.lightningdb.sql.ast;

import dev.lightningdb.sql.result.ColumnType;

/**
 * A column as written in {@code CREATE TABLE} or {@code ADD COLUMN}.
 *
 * @param defaultSql the DEFAULT expression's text, or null
 * @param identity whether values are generated ({@code GENERATED ... AS IDENTITY}, AUTO_INCREMENT)
 * @param identityStart first generated value
 * @param identityIncrement step between generated values
 */
public record ColumnSpec(String name, ColumnType type, boolean notNull, boolean primaryKey, String defaultSql, boolean identity,
                         long identityStart, long identityIncrement) {
}
