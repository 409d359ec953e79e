package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.ResultColumn;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Column descriptions of a result; columns are numbered from 1. A column read straight from a
 * table is writable (an UPDATE can change it) and auto-increment when it is the table's identity
 * column; a computed column is read-only.
 */
final class LightningResultSetMetaData extends JdbcObject implements ResultSetMetaData {
    private final List<ResultColumn> columns;
    private final Predicate<ResultColumn> identity;

    /** @param identity whether a column is its table's identity column */
    LightningResultSetMetaData(List<ResultColumn> columns, Predicate<ResultColumn> identity) {
        this.columns = columns;
        this.identity = identity;
    }

    /** Metadata whose identity columns {@code connection} knows (null: none are). */
    static LightningResultSetMetaData of(List<ResultColumn> columns, LightningConnection connection) {
        if (connection == null) {
            return new LightningResultSetMetaData(columns, c -> false);
        }
        return new LightningResultSetMetaData(columns,
                c -> connection.session().isIdentity(c.schemaName(), c.tableName(), c.columnName()));
    }

    private boolean fromTable(int i) throws SQLException {
        return !column(i).tableName().isEmpty();
    }

    private ResultColumn column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("Column index " + i + " is out of range 1.." + columns.size(), "07009");
        }
        return columns.get(i - 1);
    }

    @Override public int getColumnCount() { return columns.size(); }
    @Override public boolean isAutoIncrement(int i) throws SQLException { return identity.test(column(i)); }
    @Override public boolean isCaseSensitive(int i) throws SQLException { return column(i).type().isText(); }
    @Override public boolean isSearchable(int i) throws SQLException { column(i); return true; }
    @Override public boolean isCurrency(int i) throws SQLException { column(i); return false; }
    @Override public int isNullable(int i) throws SQLException { return column(i).nullable() ? columnNullable : columnNoNulls; }
    @Override public boolean isSigned(int i) throws SQLException { return TypeInfo.isSigned(column(i).type()); }
    @Override public int getColumnDisplaySize(int i) throws SQLException { return TypeInfo.displaySize(column(i).type()); }
    @Override public String getColumnLabel(int i) throws SQLException { return column(i).label(); }
    @Override public String getColumnName(int i) throws SQLException { return column(i).columnName(); }
    @Override public String getSchemaName(int i) throws SQLException { return column(i).schemaName(); }
    @Override public int getPrecision(int i) throws SQLException { return TypeInfo.precision(column(i).type()); }
    @Override public int getScale(int i) throws SQLException { return TypeInfo.scale(column(i).type()); }
    @Override public String getTableName(int i) throws SQLException { return column(i).tableName(); }
    @Override public String getCatalogName(int i) throws SQLException { column(i); return ""; }
    @Override public int getColumnType(int i) throws SQLException { return column(i).type().jdbcType(); }
    @Override public String getColumnTypeName(int i) throws SQLException { return column(i).type().kind().name(); }
    @Override public boolean isReadOnly(int i) throws SQLException { return !fromTable(i); }
    @Override public boolean isWritable(int i) throws SQLException { return fromTable(i); }
    @Override public boolean isDefinitelyWritable(int i) throws SQLException { column(i); return false; }
    @Override public String getColumnClassName(int i) throws SQLException { return TypeInfo.className(column(i).type()); }
}
