package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.ConstraintSpec;
import dev.lightningdb.sql.ast.QualifiedName;
import java.util.List;

/**
 * A named CHECK or FOREIGN KEY constraint (UNIQUE constraints are unique {@link IndexDef}s).
 * CHECK conditions are enforced on every write; foreign keys are recorded and reported in metadata
 * but not enforced.
 */
public record ConstraintDef(String name, ConstraintSpec.Kind kind, List<String> columns, String checkSql,
                            QualifiedName references, List<String> referencedColumns) {
}
