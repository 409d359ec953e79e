package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.KeyRequest;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The by-name half of {@link CallableStatement}, apart from the by-index half in
 * {@link LightningCallableStatement}. LightningDB calls functions, whose parameters have no names,
 * so every method here fails with HYC00 (a JDBC feature not implemented) and the connection goes on.
 */
abstract class CallableStatementByName extends LightningPreparedStatement implements CallableStatement {
    CallableStatementByName(LightningConnection connection, int resultSetType, String nativeSql) throws SQLException {
        super(connection, resultSetType, KeyRequest.NONE, nativeSql);
    }

    private SQLException byName(String name) throws SQLException {
        checkOpen();
        return Errors.unsupported("Parameters by name (" + name + "; use parameter indexes)");
    }

    @Override public void registerOutParameter(String n, int sqlType) throws SQLException { throw byName(n); }
    @Override public void registerOutParameter(String n, int sqlType, int scale) throws SQLException { throw byName(n); }
    @Override public void registerOutParameter(String n, int sqlType, String typeName) throws SQLException { throw byName(n); }
    @Override public void registerOutParameter(String n, SQLType sqlType) throws SQLException { throw byName(n); }
    @Override public void registerOutParameter(String n, SQLType sqlType, int scale) throws SQLException { throw byName(n); }
    @Override public void registerOutParameter(String n, SQLType sqlType, String typeName) throws SQLException { throw byName(n); }
    @Override public URL getURL(String n) throws SQLException { throw byName(n); }
    @Override public void setURL(String n, URL x) throws SQLException { throw byName(n); }
    @Override public void setNull(String n, int sqlType) throws SQLException { throw byName(n); }
    @Override public void setBoolean(String n, boolean x) throws SQLException { throw byName(n); }
    @Override public void setByte(String n, byte x) throws SQLException { throw byName(n); }
    @Override public void setShort(String n, short x) throws SQLException { throw byName(n); }
    @Override public void setInt(String n, int x) throws SQLException { throw byName(n); }
    @Override public void setLong(String n, long x) throws SQLException { throw byName(n); }
    @Override public void setFloat(String n, float x) throws SQLException { throw byName(n); }
    @Override public void setDouble(String n, double x) throws SQLException { throw byName(n); }
    @Override public void setBigDecimal(String n, BigDecimal x) throws SQLException { throw byName(n); }
    @Override public void setString(String n, String x) throws SQLException { throw byName(n); }
    @Override public void setBytes(String n, byte[] x) throws SQLException { throw byName(n); }
    @Override public void setDate(String n, Date x) throws SQLException { throw byName(n); }
    @Override public void setTime(String n, Time x) throws SQLException { throw byName(n); }
    @Override public void setTimestamp(String n, Timestamp x) throws SQLException { throw byName(n); }
    @Override public void setAsciiStream(String n, InputStream x, int length) throws SQLException { throw byName(n); }
    @Override public void setBinaryStream(String n, InputStream x, int length) throws SQLException { throw byName(n); }
    @Override public void setObject(String n, Object x, int targetSqlType, int scale) throws SQLException { throw byName(n); }
    @Override public void setObject(String n, Object x, int targetSqlType) throws SQLException { throw byName(n); }
    @Override public void setObject(String n, Object x) throws SQLException { throw byName(n); }
    @Override public void setObject(String n, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException { throw byName(n); }
    @Override public void setObject(String n, Object x, SQLType targetSqlType) throws SQLException { throw byName(n); }
    @Override public void setCharacterStream(String n, Reader x, int length) throws SQLException { throw byName(n); }
    @Override public void setDate(String n, Date x, Calendar cal) throws SQLException { throw byName(n); }
    @Override public void setTime(String n, Time x, Calendar cal) throws SQLException { throw byName(n); }
    @Override public void setTimestamp(String n, Timestamp x, Calendar cal) throws SQLException { throw byName(n); }
    @Override public void setNull(String n, int sqlType, String typeName) throws SQLException { throw byName(n); }
    @Override public String getString(String n) throws SQLException { throw byName(n); }
    @Override public boolean getBoolean(String n) throws SQLException { throw byName(n); }
    @Override public byte getByte(String n) throws SQLException { throw byName(n); }
    @Override public short getShort(String n) throws SQLException { throw byName(n); }
    @Override public int getInt(String n) throws SQLException { throw byName(n); }
    @Override public long getLong(String n) throws SQLException { throw byName(n); }
    @Override public float getFloat(String n) throws SQLException { throw byName(n); }
    @Override public double getDouble(String n) throws SQLException { throw byName(n); }
    @Override public byte[] getBytes(String n) throws SQLException { throw byName(n); }
    @Override public Date getDate(String n) throws SQLException { throw byName(n); }
    @Override public Time getTime(String n) throws SQLException { throw byName(n); }
    @Override public Timestamp getTimestamp(String n) throws SQLException { throw byName(n); }
    @Override public Object getObject(String n) throws SQLException { throw byName(n); }
    @Override public BigDecimal getBigDecimal(String n) throws SQLException { throw byName(n); }
    @Override public Object getObject(String n, Map<String, Class<?>> map) throws SQLException { throw byName(n); }
    @Override public Ref getRef(String n) throws SQLException { throw byName(n); }
    @Override public Blob getBlob(String n) throws SQLException { throw byName(n); }
    @Override public Clob getClob(String n) throws SQLException { throw byName(n); }
    @Override public Array getArray(String n) throws SQLException { throw byName(n); }
    @Override public Date getDate(String n, Calendar cal) throws SQLException { throw byName(n); }
    @Override public Time getTime(String n, Calendar cal) throws SQLException { throw byName(n); }
    @Override public Timestamp getTimestamp(String n, Calendar cal) throws SQLException { throw byName(n); }
    @Override public <T> T getObject(String n, Class<T> type) throws SQLException { throw byName(n); }
    @Override public void setRowId(String n, RowId x) throws SQLException { throw byName(n); }
    @Override public void setNString(String n, String value) throws SQLException { throw byName(n); }
    @Override public void setNCharacterStream(String n, Reader value, long length) throws SQLException { throw byName(n); }
    @Override public void setNClob(String n, NClob value) throws SQLException { throw byName(n); }
    @Override public void setClob(String n, Reader reader, long length) throws SQLException { throw byName(n); }
    @Override public void setBlob(String n, InputStream inputStream, long length) throws SQLException { throw byName(n); }
    @Override public void setNClob(String n, Reader reader, long length) throws SQLException { throw byName(n); }
    @Override public NClob getNClob(String n) throws SQLException { throw byName(n); }
    @Override public void setSQLXML(String n, SQLXML xmlObject) throws SQLException { throw byName(n); }
    @Override public SQLXML getSQLXML(String n) throws SQLException { throw byName(n); }
    @Override public RowId getRowId(String n) throws SQLException { throw byName(n); }
    @Override public String getNString(String n) throws SQLException { throw byName(n); }
    @Override public Reader getNCharacterStream(String n) throws SQLException { throw byName(n); }
    @Override public Reader getCharacterStream(String n) throws SQLException { throw byName(n); }
    @Override public void setBlob(String n, Blob x) throws SQLException { throw byName(n); }
    @Override public void setClob(String n, Clob x) throws SQLException { throw byName(n); }
    @Override public void setAsciiStream(String n, InputStream x, long length) throws SQLException { throw byName(n); }
    @Override public void setBinaryStream(String n, InputStream x, long length) throws SQLException { throw byName(n); }
    @Override public void setCharacterStream(String n, Reader reader, long length) throws SQLException { throw byName(n); }
    @Override public void setAsciiStream(String n, InputStream x) throws SQLException { throw byName(n); }
    @Override public void setBinaryStream(String n, InputStream x) throws SQLException { throw byName(n); }
    @Override public void setCharacterStream(String n, Reader reader) throws SQLException { throw byName(n); }
    @Override public void setNCharacterStream(String n, Reader value) throws SQLException { throw byName(n); }
    @Override public void setClob(String n, Reader reader) throws SQLException { throw byName(n); }
    @Override public void setBlob(String n, InputStream inputStream) throws SQLException { throw byName(n); }
    @Override public void setNClob(String n, Reader reader) throws SQLException { throw byName(n); }
}
