package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.KeyRequest;
import dev.lightningdb.sql.session.Prepared;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement parsed once at {@code prepareStatement} and planned at its first execution; later
 * executions reuse the plan with new parameter values (1-based, as JDBC numbers them).
 */
public class LightningPreparedStatement extends LightningStatement implements PreparedStatement {
    private static final Object UNSET = new Object();

    private final Prepared prepared;
    private final KeyRequest keys;
    private final Object[] parameters;
    private final List<Object[]> batch = new ArrayList<>();

    LightningPreparedStatement(LightningConnection connection, String sql, int resultSetType, KeyRequest keys) throws SQLException {
        this(connection, resultSetType, keys, JdbcEscapes.toNative(sql));
    }

    /** A statement over {@code nativeSql}, whose JDBC escapes the caller has rewritten already. */
    LightningPreparedStatement(LightningConnection connection, int resultSetType, KeyRequest keys, String nativeSql) throws SQLException {
        super(connection, resultSetType);
        this.keys = keys;
        this.prepared = prepareNative(nativeSql);
        this.parameters = new Object[prepared.parameterCount()];
        Arrays.fill(parameters, UNSET);
    }

    Prepared prepared() {
        return prepared;
    }

    private Object[] boundParameters() throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == UNSET) {
                throw new SQLException("Parameter " + (i + 1) + " is not set", "07001");
            }
        }
        return parameters.clone();
    }

    /** Binds parameter {@code index} (from 1, as the SQL text numbers its {@code ?}s). */
    void set(int index, Object externalValue) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException("Parameter index " + index + " is out of range 1.." + parameters.length, "07009");
        }
        parameters[index - 1] = externalValue;
    }

    // ------------------------------------------------------------------ execution

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (!prepared.returnsRows()) {
            throw notAQuery();
        }
        run(prepared, boundParameters(), keys, false);
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        if (prepared.returnsRows()) {
            throw aQuery();
        }
        run(prepared, boundParameters(), keys, false);
        return getLargeUpdateCount();
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return run(prepared, boundParameters(), keys, false);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(boundParameters());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        if (prepared.returnsRows() && !batch.isEmpty()) {
            batch.clear();
            throw batchFailure(aQuery(), new long[0]);
        }
        List<Object[]> work = new ArrayList<>(batch);
        batch.clear();
        forgetKeys(); // an empty batch generates nothing either
        long[] counts = new long[work.size()];
        for (int i = 0; i < work.size(); i++) {
            try {
                run(prepared, work.get(i), keys, i > 0);
                counts[i] = getLargeUpdateCount();
            } catch (SQLException e) {
                throw batchFailure(e, Arrays.copyOf(counts, i));
            }
        }
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, UNSET);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (!prepared.returnsRows()) {
            return null;
        }
        try {
            return LightningResultSetMetaData.of(prepared.columns(), connection);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        try {
            return new LightningParameterMetaData(prepared.parameterTypes());
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    // ------------------------------------------------------------------ setters

    @Override
    public void setNull(int i, int sqlType) throws SQLException {
        set(i, null);
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        set(i, null);
    }

    @Override
    public void setBoolean(int i, boolean x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setByte(int i, byte x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setShort(int i, short x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setInt(int i, int x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setLong(int i, long x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setFloat(int i, float x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setDouble(int i, double x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setString(int i, String x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setNString(int i, String x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setBytes(int i, byte[] x) throws SQLException {
        set(i, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int i, Date x) throws SQLException {
        set(i, JdbcValues.toExternal(x));
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        set(i, JdbcValues.localDate(x, cal));
    }

    @Override
    public void setTime(int i, Time x) throws SQLException {
        set(i, JdbcValues.toExternal(x));
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        set(i, JdbcValues.localTime(x, cal));
    }

    @Override
    public void setTimestamp(int i, Timestamp x) throws SQLException {
        set(i, JdbcValues.toExternal(x));
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        set(i, JdbcValues.localDateTime(x, cal));
    }

    @Override
    public void setObject(int i, Object x) throws SQLException {
        set(i, JdbcValues.toExternal(x));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        set(i, JdbcValues.toSqlType(JdbcValues.toExternal(x), targetSqlType, -1));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(i, JdbcValues.toSqlType(JdbcValues.toExternal(x), targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
        setObject(i, x, vendorNumber(targetSqlType));
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(i, x, vendorNumber(targetSqlType), scaleOrLength);
    }

    private static int vendorNumber(SQLType type) throws SQLException {
        if (type == null || type.getVendorTypeNumber() == null) {
            throw Errors.unsupported("SQL type " + type);
        }
        return type.getVendorTypeNumber();
    }

    @Override
    public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
        setAsciiStream(i, x, (long) length);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
        set(i, x == null ? null : new String(readAll(x, length), StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int i, InputStream x) throws SQLException {
        setAsciiStream(i, x, -1L);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        set(i, x == null ? null : new String(readAll(x, length), StandardCharsets.UTF_8));
    }

    @Override
    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        setBinaryStream(i, x, (long) length);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        set(i, x == null ? null : readAll(x, length));
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
        setBinaryStream(i, x, -1L);
    }

    @Override
    public void setCharacterStream(int i, Reader x, int length) throws SQLException {
        setCharacterStream(i, x, (long) length);
    }

    @Override
    public void setCharacterStream(int i, Reader x, long length) throws SQLException {
        set(i, x == null ? null : readAll(x, length));
    }

    @Override
    public void setCharacterStream(int i, Reader x) throws SQLException {
        setCharacterStream(i, x, -1L);
    }

    @Override
    public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
        setCharacterStream(i, x, length);
    }

    @Override
    public void setNCharacterStream(int i, Reader x) throws SQLException {
        setCharacterStream(i, x, -1L);
    }

    private static byte[] readAll(InputStream in, long length) throws SQLException {
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(Integer.MAX_VALUE, length));
        } catch (IOException e) {
            throw new SQLException("Cannot read the parameter stream: " + e.getMessage(), "22000", e);
        }
    }

    private static String readAll(Reader in, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                sb.append(buf, 0, n);
                left -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("Cannot read the parameter stream: " + e.getMessage(), "22000", e);
        }
    }

    @Override
    public void setRef(int i, Ref x) throws SQLException {
        throw Errors.unsupported("Ref parameters");
    }

    @Override
    public void setBlob(int i, Blob x) throws SQLException {
        set(i, x == null ? null : LightningBlob.bytesOf(x));
    }

    @Override
    public void setBlob(int i, InputStream x, long length) throws SQLException {
        setBinaryStream(i, x, length);
    }

    @Override
    public void setBlob(int i, InputStream x) throws SQLException {
        setBinaryStream(i, x);
    }

    @Override
    public void setClob(int i, Clob x) throws SQLException {
        set(i, x == null ? null : LightningClob.textOf(x));
    }

    @Override
    public void setClob(int i, Reader x, long length) throws SQLException {
        setCharacterStream(i, x, length);
    }

    @Override
    public void setClob(int i, Reader x) throws SQLException {
        setCharacterStream(i, x);
    }

    @Override
    public void setNClob(int i, NClob x) throws SQLException {
        setClob(i, x);
    }

    @Override
    public void setNClob(int i, Reader x, long length) throws SQLException {
        setCharacterStream(i, x, length);
    }

    @Override
    public void setNClob(int i, Reader x) throws SQLException {
        setCharacterStream(i, x);
    }

    @Override
    public void setArray(int i, Array x) throws SQLException {
        throw Errors.unsupported("Array parameters");
    }

    @Override
    public void setURL(int i, URL x) throws SQLException {
        set(i, x == null ? null : x.toString());
    }

    @Override
    public void setRowId(int i, RowId x) throws SQLException {
        throw Errors.unsupported("RowId parameters");
    }

    @Override
    public void setSQLXML(int i, SQLXML x) throws SQLException {
        throw Errors.unsupported("SQLXML parameters");
    }

    // ------------------------------------------------------------------ plain-text execution is not allowed here

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw wrongMethod();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw wrongMethod();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw wrongMethod();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw wrongMethod();
    }

    private static SQLException wrongMethod() {
        return new SQLException("A PreparedStatement runs its own SQL: use the methods without a SQL argument", "HY000");
    }
}
