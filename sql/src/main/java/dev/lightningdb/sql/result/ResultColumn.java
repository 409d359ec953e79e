package dev.lightningdb.sql.result;


/**
 * One column of a query result, as JDBC's {@code ResultSetMetaData} reports it.
 *
 * @param label the name the query gave it (alias or derived)
 * @param columnName the underlying column's name, or the label for a computed value
 * @param schemaName the underlying table's schema, or "" for a computed value
 * @param tableName the underlying table, or "" for a computed value
 * @param type its type
 * @param nullable whether it may be NULL
 */
public record ResultColumn(String label, String columnName, String schemaName, String tableName, ColumnType type,
                           boolean nullable) {
}
