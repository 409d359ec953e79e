package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.result.ColumnType;

/**
 * A column of a table.
 *
 * @param name the column name, case-folded as declared
 * @param type its type
 * @param nullable whether NULL is allowed
 * @param defaultSql the DEFAULT expression as written, or null for none (NULL)
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql) {
}
