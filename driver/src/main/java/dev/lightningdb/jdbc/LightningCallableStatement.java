package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.ColumnType;
import dev.lightningdb.sql.result.ResultColumn;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A call of a function: {@code {? = call f(?, ...)}}, {@code {call f(?, ...)}} or {@code CALL expr}
 * (LightningDB has no stored procedures: f is one of the SQL layer's functions), or any other
 * statement, which runs as a PreparedStatement would.
 *
 * <p>{@code {? = call ...}}: parameter 1 is the function's value, an OUT parameter; the IN
 * parameters are 2, 3, ... After {@code execute()} the getters by index read parameter 1 (the first
 * column of the first row the call returned; NULL if it returned none), and {@code getResultSet()}
 * has nothing: the value went into the parameter. Without {@code ? =}, a call returns its value as a
 * one-row result set, as {@code CALL expr} does. Parameters by name: see {@link CallableStatementByName}.
 */
public final class LightningCallableStatement extends CallableStatementByName {
    private final boolean returnsValue;
    /** The call's value once executed: its columns, its row, and a result standing on that row for the getters; null before. */
    private List<ResultColumn> outColumns;
    private Object[] outRow;
    private LightningResultSet out;

    private LightningCallableStatement(LightningConnection connection, int resultSetType, JdbcEscapes.NativeCall call)
            throws SQLException {
        super(connection, resultSetType, call.sql());
        this.returnsValue = call.returnsValue();
    }

    static LightningCallableStatement of(LightningConnection connection, String sql, int resultSetType) throws SQLException {
        return new LightningCallableStatement(connection, resultSetType, JdbcEscapes.toNativeCall(sql));
    }

    // ------------------------------------------------------------------ parameters

    /** With {@code ? =}, the IN parameters start at 2: index 2 binds the text's first {@code ?}. */
    @Override
    void set(int index, Object externalValue) throws SQLException {
        if (!returnsValue) {
            super.set(index, externalValue);
            return;
        }
        checkOpen();
        int last = prepared().parameterCount() + 1;
        if (index == 1) {
            throw new SQLException("Parameter 1 is the function's value (an OUT parameter): it cannot be set", "07009");
        }
        if (index < 1 || index > last) {
            throw new SQLException("Parameter index " + index + " is out of range 1.." + last, "07009");
        }
        super.set(index - 1, externalValue);
    }

    // the value keeps its own type whatever type is registered: the getters convert it as a result set's do
    @Override public void registerOutParameter(int i, int sqlType) throws SQLException { checkOut(i); }
    @Override public void registerOutParameter(int i, int sqlType, int scale) throws SQLException { checkOut(i); }
    @Override public void registerOutParameter(int i, int sqlType, String typeName) throws SQLException { checkOut(i); }
    @Override public void registerOutParameter(int i, SQLType sqlType) throws SQLException { checkOut(i); }
    @Override public void registerOutParameter(int i, SQLType sqlType, int scale) throws SQLException { checkOut(i); }
    @Override public void registerOutParameter(int i, SQLType sqlType, String typeName) throws SQLException { checkOut(i); }

    /** Only {@code {? = call ...}} has an OUT parameter, and it is parameter 1. */
    private void checkOut(int index) throws SQLException {
        checkOpen();
        if (!returnsValue) {
            throw new SQLException("Parameter " + index + " is not an OUT parameter: a function returns its value through "
                    + "{? = call f(...)}, whose parameter 1 is the value", "07009");
        }
        if (index != 1) {
            throw new SQLException("Parameter " + index + " is not an OUT parameter: only parameter 1, the function's value, is",
                    "07009");
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        if (!returnsValue) {
            return super.getParameterMetaData();
        }
        checkOpen();
        try {
            List<ColumnType> types = new ArrayList<>();
            types.add(prepared().columns().get(0).type());
            types.addAll(prepared().parameterTypes());
            return new LightningParameterMetaData(types, 1);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    // ------------------------------------------------------------------ execution

    @Override
    public boolean execute() throws SQLException {
        forgetOut();
        boolean rows = super.execute();
        if (!returnsValue) {
            return rows;
        }
        LightningResultSet result = (LightningResultSet) getResultSet();
        outColumns = result.columns();
        outRow = result.firstRowAndClose();
        getMoreResults(); // the value went into parameter 1: no result set is left
        out = LightningResultSet.of(this, outColumns, List.<Object[]>of(outRow.clone()));
        out.next();
        return false;
    }

    /** With {@code ? =}, also a one-row result of the value (which parameter 1 holds as well). */
    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!returnsValue) {
            return super.executeQuery();
        }
        execute();
        return LightningResultSet.of(this, outColumns, List.<Object[]>of(outRow.clone()));
    }

    /** A call counts no rows: 0, its value read and dropped (or kept in parameter 1). */
    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        if (!prepared().returnsRows()) {
            return super.executeLargeUpdate();
        }
        execute();
        getMoreResults();
        return 0;
    }

    private void forgetOut() throws SQLException {
        if (out != null) {
            out.close();
            out = null;
            outRow = null;
        }
    }

    @Override
    public void close() throws SQLException {
        forgetOut();
        super.close();
    }

    // ------------------------------------------------------------------ the OUT value, by index

    private LightningResultSet out(int index) throws SQLException {
        checkOut(index);
        if (out == null) {
            throw new SQLException("The call has not been executed: parameter 1 has no value yet", "HY010");
        }
        return out;
    }

    @Override
    public boolean wasNull() throws SQLException {
        return out(1).wasNull();
    }

    @Override public String getString(int i) throws SQLException { return out(i).getString(1); }
    @Override public boolean getBoolean(int i) throws SQLException { return out(i).getBoolean(1); }
    @Override public byte getByte(int i) throws SQLException { return out(i).getByte(1); }
    @Override public short getShort(int i) throws SQLException { return out(i).getShort(1); }
    @Override public int getInt(int i) throws SQLException { return out(i).getInt(1); }
    @Override public long getLong(int i) throws SQLException { return out(i).getLong(1); }
    @Override public float getFloat(int i) throws SQLException { return out(i).getFloat(1); }
    @Override public double getDouble(int i) throws SQLException { return out(i).getDouble(1); }
    @Override public BigDecimal getBigDecimal(int i) throws SQLException { return out(i).getBigDecimal(1); }
    @Override public byte[] getBytes(int i) throws SQLException { return out(i).getBytes(1); }
    @Override public Date getDate(int i) throws SQLException { return out(i).getDate(1); }
    @Override public Time getTime(int i) throws SQLException { return out(i).getTime(1); }
    @Override public Timestamp getTimestamp(int i) throws SQLException { return out(i).getTimestamp(1); }
    @Override public Date getDate(int i, Calendar cal) throws SQLException { return out(i).getDate(1, cal); }
    @Override public Time getTime(int i, Calendar cal) throws SQLException { return out(i).getTime(1, cal); }
    @Override public Timestamp getTimestamp(int i, Calendar cal) throws SQLException { return out(i).getTimestamp(1, cal); }
    @Override public Object getObject(int i) throws SQLException { return out(i).getObject(1); }
    @Override public Object getObject(int i, Map<String, Class<?>> map) throws SQLException { return out(i).getObject(1, map); }
    @Override public <T> T getObject(int i, Class<T> type) throws SQLException { return out(i).getObject(1, type); }
    @Override public Ref getRef(int i) throws SQLException { return out(i).getRef(1); }
    @Override public Blob getBlob(int i) throws SQLException { return out(i).getBlob(1); }
    @Override public Clob getClob(int i) throws SQLException { return out(i).getClob(1); }
    @Override public NClob getNClob(int i) throws SQLException { return out(i).getNClob(1); }
    @Override public Array getArray(int i) throws SQLException { return out(i).getArray(1); }
    @Override public URL getURL(int i) throws SQLException { return out(i).getURL(1); }
    @Override public RowId getRowId(int i) throws SQLException { return out(i).getRowId(1); }
    @Override public SQLXML getSQLXML(int i) throws SQLException { return out(i).getSQLXML(1); }
    @Override public String getNString(int i) throws SQLException { return out(i).getNString(1); }
    @Override public Reader getNCharacterStream(int i) throws SQLException { return out(i).getNCharacterStream(1); }
    @Override public Reader getCharacterStream(int i) throws SQLException { return out(i).getCharacterStream(1); }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        return out(i).getBigDecimal(1, scale);
    }
}
