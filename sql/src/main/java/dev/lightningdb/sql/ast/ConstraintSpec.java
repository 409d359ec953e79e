package dev.lightningdb.sql.ast;

import java.util.List;

/**
 * A UNIQUE, CHECK or FOREIGN KEY constraint as written; {@code name} is null when none was given.
 *
 * @param checkSql the CHECK condition's text (CHECK only)
 * @param references the referenced table (FOREIGN KEY only)
 * @param referencedColumns the referenced columns, empty for the referenced table's primary key
 */
public record ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, QualifiedName references,
                             List<String> referencedColumns) {
    public enum Kind { UNIQUE, CHECK, FOREIGN_KEY }
}
