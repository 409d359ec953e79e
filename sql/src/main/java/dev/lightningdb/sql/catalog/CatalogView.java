package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import java.util.Collection;

/** Tables as one transaction sees them: the committed catalog plus its own uncommitted DDL. */
public interface CatalogView {
    /** The table, or null if it does not exist in this view. */
    TableDef table(QualifiedName name);

    /** Every table in this view. */
    Collection<TableDef> tables();

    /**
     * The committed catalog version this view is based on, or -1 when it holds uncommitted
     * changes (plans made against such a view must not be cached for others).
     */
    long version();
}
