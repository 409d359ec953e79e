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
 * @param generatedSql for a generated column ({@code GENERATED ALWAYS AS (expr)}), the expression as
 *     written; its value is computed and stored on every write of the row. Null for other columns.
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql, String generatedSql) {
    /** A column that is not generated. */
    public ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql) {
        this(name, type, nullable, defaultSql, null);
    }

    /** The column {@code spec} declares; a primary key column is never nullable. */
    public static ColumnDef of(ColumnSpec spec, boolean inPrimaryKey) {
        return new ColumnDef(spec.name(), spec.type(), !(spec.notNull() || inPrimaryKey), spec.defaultSql(), spec.generatedSql());
    }

    public boolean isGenerated() {
        return generatedSql != null;
    }

    /** This column renamed, everything else kept. */
    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, type, nullable, defaultSql, generatedSql);
    }
}
