package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.ast.ReferentialAction;
import java.util.List;

/**
 * A named CHECK or FOREIGN KEY constraint (UNIQUE constraints are unique {@link IndexDef}s).
 * Both are enforced on every write; a foreign key's {@code onDelete}/{@code onUpdate} actions are
 * applied to the referencing rows (NO ACTION for a CHECK).
 */
public record ConstraintDef(String name, ConstraintSpec.Kind kind, List<String> columns, String checkSql,
                            QualifiedName references, List<String> referencedColumns, ReferentialAction onDelete,
                            ReferentialAction onUpdate) {
    /** A constraint whose actions (if a foreign key) are NO ACTION. */
    public ConstraintDef(String name, ConstraintSpec.Kind kind, List<String> columns, String checkSql, QualifiedName references,
                         List<String> referencedColumns) {
        this(name, kind, columns, checkSql, references, referencedColumns, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    public boolean isForeignKey() {
        return kind == ConstraintSpec.Kind.FOREIGN_KEY;
    }

    /** This foreign key referencing {@code table} instead (the referenced table was renamed). */
    public ConstraintDef referencing(QualifiedName table) {
        return new ConstraintDef(name, kind, columns, checkSql, table, referencedColumns, onDelete, onUpdate);
    }
}
