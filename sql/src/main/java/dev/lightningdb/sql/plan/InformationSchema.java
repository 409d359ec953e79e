package dev.lightningdb.sql.plan;

import dev.lightningdb.sql.catalog.CatalogView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * {@code INFORMATION_SCHEMA}: read-only views of the catalog, as the SQL standard, H2 and PostgreSQL
 * name them and their columns, for tools that ask in SQL rather than through {@code DatabaseMetaData}.
 * Rows come in schema, table, then position order. There is no database catalog name: the
 * {@code *_CATALOG} columns are null, as {@code DatabaseMetaData}'s TABLE_CAT is. These views list
 * themselves in TABLES, VIEWS and COLUMNS, as H2's and PostgreSQL's do.
 */
final class InformationSchema extends AbstractSchema {
    static final String NAME = "INFORMATION_SCHEMA";

    /** One view: its columns ({@link InfoTable}'s notation) and how its rows are computed. */
    record Spec(List<String> columns, Function<CatalogView, List<Object[]>> rows) {
    }

    /** Every view, in name order. */
    static final Map<String, Spec> VIEWS = specs();

    private static Map<String, Spec> specs() {
        Map<String, Spec> m = new LinkedHashMap<>();
        m.put("COLUMNS", new Spec(InfoColumns.COLUMNS, InfoColumns::rows));
        m.put("KEY_COLUMN_USAGE", new Spec(List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_CATALOG",
                "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION:I", "POSITION_IN_UNIQUE_CONSTRAINT:I"),
                InfoConstraints::keyColumnUsage));
        m.put("REFERENTIAL_CONSTRAINTS", new Spec(List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
                "UNIQUE_CONSTRAINT_CATALOG", "UNIQUE_CONSTRAINT_SCHEMA", "UNIQUE_CONSTRAINT_NAME", "MATCH_OPTION", "UPDATE_RULE",
                "DELETE_RULE"), InfoConstraints::referentialConstraints));
        m.put("SCHEMATA", new Spec(List.of("CATALOG_NAME", "SCHEMA_NAME", "SCHEMA_OWNER", "DEFAULT_CHARACTER_SET_NAME", "SQL_PATH"),
                InfoObjects::schemata));
        m.put("SEQUENCES", new Spec(List.of("SEQUENCE_CATALOG", "SEQUENCE_SCHEMA", "SEQUENCE_NAME", "DATA_TYPE", "START_VALUE:L",
                "MINIMUM_VALUE:L", "MAXIMUM_VALUE:L", "INCREMENT:L", "CYCLE_OPTION"), InfoObjects::sequences));
        m.put("TABLES", new Spec(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "IS_INSERTABLE_INTO",
                "COMMIT_ACTION", "REMARKS"), InfoObjects::tables));
        m.put("TABLE_CONSTRAINTS", new Spec(List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CONSTRAINT_TYPE",
                "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "IS_DEFERRABLE", "INITIALLY_DEFERRED", "ENFORCED"),
                InfoConstraints::tableConstraints));
        // IS_INSERTABLE_INTO is PostgreSQL's name, INSERTABLE_INTO H2's: both are here
        m.put("VIEWS", new Spec(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION", "CHECK_OPTION",
                "IS_UPDATABLE", "IS_INSERTABLE_INTO", "INSERTABLE_INTO"), InfoObjects::views));
        return m;
    }

    private final CatalogView catalog;

    InformationSchema(CatalogView catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        VIEWS.forEach((name, spec) -> tables.put(name, new InfoTable(catalog, spec.columns(), spec.rows())));
        return tables;
    }

    /** A column name of {@link InfoTable}'s notation without its type. */
    static String columnName(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    /** The standard's name of a column's type in {@link InfoTable}'s notation. */
    static String columnType(String spec) {
        return spec.endsWith(":I") ? "INTEGER" : spec.endsWith(":L") ? "BIGINT" : "CHARACTER VARYING";
    }
}
