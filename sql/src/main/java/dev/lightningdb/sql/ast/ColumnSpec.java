package dev.lightningdb.sql.ast;

import dev.lightningdb.sql.types.ColumnType;

/** A column as written in {@code CREATE TABLE}; {@code defaultSql} is the DEFAULT expression's text, or null. */
public record ColumnSpec(String name, ColumnType type, boolean notNull, boolean primaryKey, String defaultSql) {
}
