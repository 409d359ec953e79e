package dev.lightningdb.jdbc;

import dev.lightningdb.sql.result.QueryResult;
import dev.lightningdb.sql.result.ResultColumn;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A read-only result set over a {@link QueryResult}: forward-only (rows read as the query produces
 * them) or TYPE_SCROLL_INSENSITIVE (every row read when it is made, then free to move). Columns
 * are numbered from 1; labels match case-insensitively. Closing it (or reading past the last row)
 * ends an auto-commit statement's transaction.
 */
public final class LightningResultSet extends ResultSetByLabel {
    private final LightningStatement statement;
    private final List<ResultColumn> columns;
    private final int type;
    private final ResultRows rows;
    private Map<String, Integer> labels;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;
    private int fetchDirection = FETCH_FORWARD;

    private LightningResultSet(LightningStatement statement, List<ResultColumn> columns, int type, ResultRows rows) {
        this.statement = statement;
        this.columns = columns;
        this.type = type;
        this.rows = rows;
    }

    /** The result of a statement's query: forward-only, or read whole for a scrollable type. */
    static LightningResultSet of(LightningStatement statement, QueryResult result, int maxRows, int type) throws SQLException {
        if (type == TYPE_FORWARD_ONLY) {
            return new LightningResultSet(statement, result.columns(), type, new ResultRows.Forward(result, maxRows));
        }
        ResultRows rows;
        try {
            rows = ResultRows.Scroll.of(result, maxRows);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            throw statement.translate(e);
        }
        statement.disarm(); // every row is read: the statement is done
        return new LightningResultSet(statement, result.columns(), type, rows);
    }

    /** A result of fixed rows, e.g. for {@link java.sql.DatabaseMetaData} or generated keys. */
    static LightningResultSet of(LightningStatement statement, List<ResultColumn> columns, List<Object[]> rows) {
        return new LightningResultSet(statement, columns, TYPE_FORWARD_ONLY, new ResultRows.Forward(QueryResult.of(columns, rows), 0));
    }

    /**
     * Reads this result's first row (a row of NULLs when there is none) and closes the result, which
     * ends an auto-commit statement: how a CallableStatement takes its function's value.
     */
    Object[] firstRowAndClose() throws SQLException {
        try {
            return next() ? rows.row().clone() : new Object[columns.size()];
        } finally {
            close();
        }
    }

    List<ResultColumn> columns() {
        return columns;
    }

    /** A fetch size (a hint: rows are produced as they are read) must not be negative. Shared with the statement. */
    static int checkFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("fetch size must not be negative", "22023");
        }
        return rows;
    }

    static int checkFetchDirection(int direction, int type) throws SQLException {
        if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
            throw new SQLException("Unknown fetch direction " + direction, "HY024");
        }
        if (type == TYPE_FORWARD_ONLY && direction != FETCH_FORWARD) {
            throw ResultRows.forwardOnly();
        }
        return direction;
    }

    private SQLException translate(Throwable e) {
        return statement != null ? statement.translate(e) : Errors.translate(e);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("ResultSet");
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        try {
            boolean has = rows.next();
            if (!has && type == TYPE_FORWARD_ONLY && statement != null) {
                statement.disarm();
            }
            return has;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            throw translate(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        if (statement != null) {
            statement.resultSetClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private Object value(int column) throws SQLException {
        checkOpen();
        Object[] row = rows.row();
        if (row == null) {
            throw new SQLException(rows.isAfterLast() ? "The cursor is past the last row" : "The cursor is not on a row (call next())",
                    "24000");
        }
        if (column < 1 || column > columns.size()) {
            throw new SQLException("Column index " + column + " is out of range 1.." + columns.size(), "07009");
        }
        Object v = row[column - 1];
        wasNull = v == null;
        return v;
    }

    private String target(int column, String javaType) {
        return javaType + " (column " + columns.get(column - 1).label() + ")";
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (label == null) {
            throw new SQLException("Column label must not be null", "42S22");
        }
        if (labels == null) {
            labels = new HashMap<>();
            for (int i = columns.size() - 1; i >= 0; i--) {
                labels.put(columns.get(i).label().toUpperCase(Locale.ROOT), i + 1);
            }
        }
        Integer i = labels.get(label.toUpperCase(Locale.ROOT));
        if (i == null) {
            throw new SQLException("Column '" + label + "' not found in the result", "42S22");
        }
        return i;
    }

    // ------------------------------------------------------------------ getters by index

    @Override
    public String getString(int i) throws SQLException {
        return JdbcValues.string(value(i));
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return JdbcValues.bool(value(i));
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) JdbcValues.integral(value(i), Byte.MIN_VALUE, Byte.MAX_VALUE, target(i, "byte"));
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) JdbcValues.integral(value(i), Short.MIN_VALUE, Short.MAX_VALUE, target(i, "short"));
    }

    @Override
    public int getInt(int i) throws SQLException {
        return (int) JdbcValues.integral(value(i), Integer.MIN_VALUE, Integer.MAX_VALUE, target(i, "int"));
    }

    @Override
    public long getLong(int i) throws SQLException {
        return JdbcValues.integral(value(i), Long.MIN_VALUE, Long.MAX_VALUE, target(i, "long"));
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return (float) JdbcValues.floating(value(i), target(i, "float"));
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return JdbcValues.floating(value(i), target(i, "double"));
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return JdbcValues.decimal(value(i), target(i, "BigDecimal"));
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(i);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return JdbcValues.bytes(value(i));
    }

    @Override
    public Date getDate(int i) throws SQLException {
        LocalDate d = JdbcValues.toLocalDate(value(i));
        return d == null ? null : Date.valueOf(d);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        LocalDate d = JdbcValues.toLocalDate(value(i));
        if (d == null || cal == null) {
            return d == null ? null : Date.valueOf(d);
        }
        return new Date(d.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    @Override
    public Time getTime(int i) throws SQLException {
        LocalTime t = JdbcValues.toLocalTime(value(i));
        return t == null ? null : Time.valueOf(t);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        LocalTime t = JdbcValues.toLocalTime(value(i));
        if (t == null || cal == null) {
            return t == null ? null : Time.valueOf(t);
        }
        return new Time(t.atDate(LocalDate.EPOCH).atZone(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        LocalDateTime t = JdbcValues.toLocalDateTime(value(i));
        return t == null ? null : Timestamp.valueOf(t);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        LocalDateTime t = JdbcValues.toLocalDateTime(value(i));
        if (t == null || cal == null) {
            return t == null ? null : Timestamp.valueOf(t);
        }
        return Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
    }

    @Override
    public Object getObject(int i) throws SQLException {
        return JdbcValues.jdbcObject(value(i));
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("type must not be null", "22023");
        }
        Object v = value(i);
        return v == null ? null : JdbcValues.convert(v, type, target(i, type.getSimpleName()));
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @SuppressWarnings("deprecation")
    public InputStream getUnicodeStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public String getNString(int i) throws SQLException {
        return getString(i);
    }

    @Override
    public URL getURL(int i) throws SQLException {
        String s = getString(i);
        try {
            return s == null ? null : new java.net.URI(s).toURL();
        } catch (java.net.URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            throw new SQLException("Value '" + s + "' is not a URL", "22018", e);
        }
    }

    @Override
    public Ref getRef(int i) throws SQLException {
        throw Errors.unsupported("Ref");
    }

    @Override
    public Blob getBlob(int i) throws SQLException {
        return getObject(i, Blob.class);
    }

    @Override
    public Clob getClob(int i) throws SQLException {
        return getObject(i, Clob.class);
    }

    @Override
    public NClob getNClob(int i) throws SQLException {
        return getObject(i, NClob.class);
    }

    @Override
    public Array getArray(int i) throws SQLException {
        throw Errors.unsupported("Array");
    }

    @Override
    public RowId getRowId(int i) throws SQLException {
        throw Errors.unsupported("RowId");
    }

    @Override
    public SQLXML getSQLXML(int i) throws SQLException {
        throw Errors.unsupported("SQLXML");
    }

    // ------------------------------------------------------------------ cursor position and properties

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return LightningResultSetMetaData.of(columns, statement == null ? null : statement.connection);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return rows.rowNumber();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rows.isBeforeFirst();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return rows.isAfterLast();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return rows.rowNumber() == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return rows.isLast();
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkOpen();
        rows.beforeFirst();
    }

    @Override
    public void afterLast() throws SQLException {
        checkOpen();
        rows.afterLast();
    }

    @Override
    public boolean first() throws SQLException {
        checkOpen();
        return rows.first();
    }

    @Override
    public boolean last() throws SQLException {
        checkOpen();
        return rows.last();
    }

    @Override
    public boolean absolute(int r) throws SQLException {
        checkOpen();
        return rows.absolute(r);
    }

    @Override
    public boolean relative(int r) throws SQLException {
        checkOpen();
        return rows.relative(r);
    }

    @Override
    public boolean previous() throws SQLException {
        checkOpen();
        return rows.previous();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        fetchDirection = checkFetchDirection(direction, type);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return fetchDirection;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = checkFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return type;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Errors.unsupported("Named cursors");
    }
}
