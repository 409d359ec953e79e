package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.CatalogView;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * {@code INFORMATION_SCHEMA}: read-only views of the catalog, as the SQL standard, H2 and PostgreSQL
 * name them and their columns, for tools that ask in SQL rather than through {@code DatabaseMetaData}.
 * Rows come in schema, table, then position order. There is no database catalog name: the
 * {@code *_CATALOG} columns are null, as {@code DatabaseMetaData}'s TABLE_CAT is.
 */
final class InformationSchema extends AbstractSchema {
    static final String NAME = "INFORMATION_SCHEMA";

    private final CatalogView catalog;

    InformationSchema(CatalogView catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return Map.of(
                "SCHEMATA", table(List.of("CATALOG_NAME", "SCHEMA_NAME", "SCHEMA_OWNER", "DEFAULT_CHARACTER_SET_NAME", "SQL_PATH"),
                        InfoObjects::schemata),
                "TABLES", table(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "IS_INSERTABLE_INTO",
                        "COMMIT_ACTION", "REMARKS"), InfoObjects::tables),
                "VIEWS", table(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION", "CHECK_OPTION",
                        "IS_UPDATABLE", "IS_INSERTABLE_INTO"), InfoObjects::views),
                "SEQUENCES", table(List.of("SEQUENCE_CATALOG", "SEQUENCE_SCHEMA", "SEQUENCE_NAME", "DATA_TYPE", "START_VALUE:L",
                        "MINIMUM_VALUE:L", "MAXIMUM_VALUE:L", "INCREMENT:L", "CYCLE_OPTION"), InfoObjects::sequences),
                "COLUMNS", table(InfoColumns.COLUMNS, InfoColumns::rows),
                "TABLE_CONSTRAINTS", table(List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CONSTRAINT_TYPE",
                        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "IS_DEFERRABLE", "INITIALLY_DEFERRED", "ENFORCED"),
                        InfoConstraints::tableConstraints),
                "KEY_COLUMN_USAGE", table(List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_CATALOG",
                        "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION:I", "POSITION_IN_UNIQUE_CONSTRAINT:I"),
                        InfoConstraints::keyColumnUsage),
                "REFERENTIAL_CONSTRAINTS", table(List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
                        "UNIQUE_CONSTRAINT_CATALOG", "UNIQUE_CONSTRAINT_SCHEMA", "UNIQUE_CONSTRAINT_NAME", "MATCH_OPTION",
                        "UPDATE_RULE", "DELETE_RULE"), InfoConstraints::referentialConstraints));
    }

    private InfoTable table(List<String> columns, java.util.function.Function<CatalogView, List<Object[]>> rows) {
        return new InfoTable(catalog, columns, rows);
    }
}
