package dev.lightningdb.sql.catalog;

import dev.lightningdb.sql.ast.QualifiedName;
import dev.lightningdb.sql.result.SqlError;
import java.util.Collection;
import java.util.Set;

/** Tables, sequences and schemas as one transaction sees them: the committed catalog plus its own DDL. */
public interface CatalogView {
    /** The table, or null if it does not exist in this view. */
    TableDef table(QualifiedName name);

    /** The table; a missing one is the statement's error (42S02). */
    default TableDef require(QualifiedName name) {
        TableDef t = table(name);
        if (t == null) {
            throw SqlError.unknownTable(name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? name.name() : name.toString());
        }
        return t;
    }

    /** Every table in this view. */
    Collection<TableDef> tables();

    /** The sequence, or null. */
    SequenceDef sequence(QualifiedName name);

    Collection<SequenceDef> sequences();

    /** Every schema, including PUBLIC and those that only hold tables. */
    Set<String> schemas();

    /**
     * The committed catalog version this view is based on, or -1 when it holds uncommitted
     * changes (plans made against such a view must not be cached for others).
     */
    long version();

    /**
     * Whether a plan made against catalog {@code version} may be shared by every session: a
     * committed version, not one with a session's temporary tables ({@link TemporaryTables}).
     */
    static boolean shared(long version) {
        return version >= 0 && version < (1L << 32);
    }

    /** What the last ANALYZE measured of the table, or null. */
    TableStats statistics(int tableId);

    /** The table with index {@code indexName} in {@code schema}, or null. */
    default TableDef tableOfIndex(String schema, String indexName) {
        for (TableDef t : tables()) {
            if (t.name().schema().equals(schema) && t.index(indexName) != null) {
                return t;
            }
        }
        return null;
    }
}
