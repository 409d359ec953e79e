package dev.lightningdb.sql.result;

import java.util.List;

/**
 * What the committed catalog holds, as {@code DatabaseMetaData} reports it: schemas, tables and
 * sequences, described by name only (no catalog objects), so a client can read it without depending
 * on the SQL layer's inner packages. Immutable; built by the session layer from one catalog version.
 * Invariants:
 * <ol>
 *   <li>{@link #schemas} is sorted and includes PUBLIC and every schema that holds a table.
 *   <li>{@link #tables}, {@link #views} and {@link #sequences} are sorted by schema, then name.
 *   <li>Every foreign key's referenced table exists in {@link #tables}; a foreign key whose table was
 *       dropped is left out.
 * </ol>
 *
 * @param schemas schema names
 * @param tables every table
 * @param sequences every sequence
 * @param views every view
 */
public record SchemaMetadata(List<String> schemas, List<Table> tables, List<Sequence> sequences, List<View> views) {
    /** The pseudo column that identifies the rows of a table without a primary key. */
    public static final String ROW_ID = "_ROWID_";

    public SchemaMetadata {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        views = List.copyOf(views);
    }

    public SchemaMetadata(List<String> schemas, List<Table> tables, List<Sequence> sequences) {
        this(schemas, tables, sequences, List.of());
    }

    /**
     * A view: read-only, its columns as its query answered them when it was created (all nullable).
     *
     * @param sql the query as written
     */
    public record View(String schema, String name, List<Column> columns, String sql) {
        public View {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A table.
     *
     * @param columns in table order
     * @param primaryKey the primary key's column names, in key order; empty for a table declared
     *     without one, whose rows the pseudo column {@link #ROW_ID} identifies (not in {@code columns})
     * @param indexes secondary indexes, including those that back UNIQUE constraints, in the order
     *     they were created
     * @param foreignKeys in the order they were declared
     */
    public record Table(String schema, String name, List<Column> columns, List<String> primaryKey, List<Index> indexes,
                        List<ForeignKey> foreignKeys) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        /** The named column, or null. */
        public Column column(String columnName) {
            for (Column c : columns) {
                if (c.name().equals(columnName)) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * A column of a table.
     *
     * @param defaultSql the DEFAULT expression as written, or null for none
     * @param identity whether it is the table's identity (generated) column
     * @param ordinal its 1-based position in the table
     * @param generatedSql the expression of a generated column, or null
     */
    public record Column(String name, ColumnType type, boolean nullable, String defaultSql, boolean identity, int ordinal,
                         String generatedSql) {
        /** A column that is not generated. */
        public Column(String name, ColumnType type, boolean nullable, String defaultSql, boolean identity, int ordinal) {
            this(name, type, nullable, defaultSql, identity, ordinal, null);
        }
    }

    /**
     * A secondary index.
     *
     * @param columns the indexed column names, in index order
     */
    public record Index(String name, boolean unique, List<String> columns) {
        public Index {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key constraint (recorded, not enforced).
     *
     * @param columns the referencing columns, in declared order
     * @param referencedColumns the referenced columns as declared, or the referenced table's primary
     *     key columns when none were named; may be shorter than {@code columns} when so declared
     * @param onUpdate the ON UPDATE action as written in SQL ({@code NO ACTION}, {@code CASCADE}, {@code SET NULL}, ...)
     * @param onDelete the ON DELETE action, likewise
     */
    public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns, String onUpdate, String onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        /** A foreign key whose actions are NO ACTION. */
        public ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                          List<String> referencedColumns) {
            this(name, columns, referencedSchema, referencedTable, referencedColumns, "NO ACTION", "NO ACTION");
        }
    }

    /** A sequence. */
    public record Sequence(String schema, String name) {
    }
}
