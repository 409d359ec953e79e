package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.ColumnType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The types of a prepared statement's parameters, numbered from 1 (as Calcite inferred them for
 * queries); the first {@code outParameters} are OUT parameters (a function's value in {@code {? = call ...}}).
 */
final class LightningParameterMetaData extends JdbcObject implements ParameterMetaData {
    private final List<ColumnType> types;
    private final int outParameters;

    LightningParameterMetaData(List<ColumnType> types) {
        this(types, 0);
    }

    LightningParameterMetaData(List<ColumnType> types, int outParameters) {
        this.types = types;
        this.outParameters = outParameters;
    }

    private ColumnType type(int i) throws SQLException {
        if (i < 1 || i > types.size()) {
            throw new SQLException("Parameter index " + i + " is out of range 1.." + types.size(), "07009");
        }
        return types.get(i - 1);
    }

    @Override public int getParameterCount() { return types.size(); }
    @Override public int isNullable(int i) throws SQLException { type(i); return parameterNullableUnknown; }
    @Override public boolean isSigned(int i) throws SQLException { return TypeInfo.isSigned(type(i)); }
    @Override public int getPrecision(int i) throws SQLException { return TypeInfo.precision(type(i)); }
    @Override public int getScale(int i) throws SQLException { return TypeInfo.scale(type(i)); }
    @Override public int getParameterType(int i) throws SQLException { return type(i).jdbcType(); }
    @Override public String getParameterTypeName(int i) throws SQLException { return type(i).kind().name(); }
    @Override public String getParameterClassName(int i) throws SQLException { return TypeInfo.className(type(i)); }
    @Override public int getParameterMode(int i) throws SQLException { type(i); return i <= outParameters ? parameterModeOut : parameterModeIn; }
}
