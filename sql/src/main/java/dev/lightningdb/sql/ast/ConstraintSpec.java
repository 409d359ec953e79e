package dev.lightningdb.sql.ast;

import java.util.List;

/**
 * A UNIQUE, CHECK or FOREIGN KEY constraint as written; {@code name} is null when none was given.
 *
 * @param checkSql the CHECK condition's text (CHECK only)
 * @param references the referenced table (FOREIGN KEY only)
 * @param referencedColumns the referenced columns, empty for the referenced table's primary key
 * @param onDelete what a FOREIGN KEY does when a referenced row is deleted
 * @param onUpdate what a FOREIGN KEY does when a referenced key changes
 */
public record ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, QualifiedName references,
                             List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
    public enum Kind { UNIQUE, CHECK, FOREIGN_KEY }

    /** A constraint whose actions (if a foreign key) are NO ACTION. */
    public ConstraintSpec(String name, Kind kind, List<String> columns, String checkSql, QualifiedName references,
                          List<String> referencedColumns) {
        this(name, kind, columns, checkSql, references, referencedColumns, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }
}
