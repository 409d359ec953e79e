package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.ColumnSpec;
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
    /** The column {@code spec} declares; a primary key column is never nullable. */
    public static ColumnDef of(ColumnSpec spec, boolean inPrimaryKey) {
        return new ColumnDef(spec.name(), spec.type(), !(spec.notNull() || inPrimaryKey), spec.defaultSql());
    }

}
