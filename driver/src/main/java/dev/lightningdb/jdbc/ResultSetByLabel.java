package dev.lightningdb.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/** The getters by column label: each finds the column ({@link #findColumn}) and reads it by index. */
abstract class ResultSetByLabel extends ReadOnlyResultSet {
    @Override public String getString(String l) throws SQLException { return getString(findColumn(l)); }
    @Override public boolean getBoolean(String l) throws SQLException { return getBoolean(findColumn(l)); }
    @Override public byte getByte(String l) throws SQLException { return getByte(findColumn(l)); }
    @Override public short getShort(String l) throws SQLException { return getShort(findColumn(l)); }
    @Override public int getInt(String l) throws SQLException { return getInt(findColumn(l)); }
    @Override public long getLong(String l) throws SQLException { return getLong(findColumn(l)); }
    @Override public float getFloat(String l) throws SQLException { return getFloat(findColumn(l)); }
    @Override public double getDouble(String l) throws SQLException { return getDouble(findColumn(l)); }
    @Override public BigDecimal getBigDecimal(String l) throws SQLException { return getBigDecimal(findColumn(l)); }
    @Override @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(String l, int scale) throws SQLException { return getBigDecimal(findColumn(l), scale); }
    @Override public byte[] getBytes(String l) throws SQLException { return getBytes(findColumn(l)); }
    @Override public Date getDate(String l) throws SQLException { return getDate(findColumn(l)); }
    @Override public Date getDate(String l, Calendar cal) throws SQLException { return getDate(findColumn(l), cal); }
    @Override public Time getTime(String l) throws SQLException { return getTime(findColumn(l)); }
    @Override public Time getTime(String l, Calendar cal) throws SQLException { return getTime(findColumn(l), cal); }
    @Override public Timestamp getTimestamp(String l) throws SQLException { return getTimestamp(findColumn(l)); }
    @Override public Timestamp getTimestamp(String l, Calendar cal) throws SQLException { return getTimestamp(findColumn(l), cal); }
    @Override public Object getObject(String l) throws SQLException { return getObject(findColumn(l)); }
    @Override public <T> T getObject(String l, Class<T> type) throws SQLException { return getObject(findColumn(l), type); }
    @Override public Object getObject(String l, Map<String, Class<?>> map) throws SQLException { return getObject(findColumn(l), map); }
    @Override public InputStream getAsciiStream(String l) throws SQLException { return getAsciiStream(findColumn(l)); }
    @Override @SuppressWarnings("deprecation")
    public InputStream getUnicodeStream(String l) throws SQLException { return getUnicodeStream(findColumn(l)); }
    @Override public InputStream getBinaryStream(String l) throws SQLException { return getBinaryStream(findColumn(l)); }
    @Override public Reader getCharacterStream(String l) throws SQLException { return getCharacterStream(findColumn(l)); }
    @Override public Reader getNCharacterStream(String l) throws SQLException { return getNCharacterStream(findColumn(l)); }
    @Override public String getNString(String l) throws SQLException { return getNString(findColumn(l)); }
    @Override public URL getURL(String l) throws SQLException { return getURL(findColumn(l)); }
    @Override public Ref getRef(String l) throws SQLException { return getRef(findColumn(l)); }
    @Override public Blob getBlob(String l) throws SQLException { return getBlob(findColumn(l)); }
    @Override public Clob getClob(String l) throws SQLException { return getClob(findColumn(l)); }
    @Override public NClob getNClob(String l) throws SQLException { return getNClob(findColumn(l)); }
    @Override public Array getArray(String l) throws SQLException { return getArray(findColumn(l)); }
    @Override public RowId getRowId(String l) throws SQLException { return getRowId(findColumn(l)); }
    @Override public SQLXML getSQLXML(String l) throws SQLException { return getSQLXML(findColumn(l)); }
}
