package dev.lightningdb.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A Clob (and NClob) held in memory: text is stored inline in rows (VARCHAR), so there is no
 * locator to keep. Positions are 1-based characters. After {@link #free()} every method fails.
 */
final class LightningClob implements NClob {
    private StringBuilder text;

    LightningClob(String text) {
        this.text = new StringBuilder(text);
    }

    /** The text of any Clob (for parameters). */
    static String textOf(Clob clob) throws SQLException {
        if (clob instanceof LightningClob c) {
            return c.live().toString();
        }
        long n = clob.length();
        if (n > Integer.MAX_VALUE) {
            throw new SQLException("A Clob of " + n + " characters is too large", "22001");
        }
        return n == 0 ? "" : clob.getSubString(1, (int) n);
    }

    private StringBuilder live() throws SQLException {
        if (text == null) {
            throw new SQLException("The Clob has been freed", "HY010");
        }
        return text;
    }

    @Override
    public long length() throws SQLException {
        return live().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        StringBuilder t = live();
        LightningBlob.checkRange(pos, length, t.length());
        int from = (int) pos - 1;
        return t.substring(from, from + Math.min(length, t.length() - from));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(live().toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        StringBuilder t = live();
        LightningBlob.checkRange(pos, length, t.length());
        if (pos - 1 + length > t.length()) {
            throw new SQLException("Position " + pos + " plus length " + length + " is past the end (" + t.length() + ")", "22003");
        }
        return new StringReader(t.substring((int) pos - 1, (int) (pos - 1 + length)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(live().toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String search, long start) throws SQLException {
        StringBuilder t = live();
        LightningBlob.checkRange(start, 0, t.length());
        int i = t.indexOf(search, (int) start - 1);
        return i < 0 ? -1 : i + 1;
    }

    @Override
    public long position(Clob search, long start) throws SQLException {
        return position(textOf(search), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        StringBuilder t = live();
        LightningBlob.checkRange(pos, len, t.length());
        if (offset < 0 || offset + len > str.length()) {
            throw new SQLException("Offset " + offset + " and length " + len + " do not fit " + str.length() + " characters", "22003");
        }
        int from = (int) pos - 1;
        t.replace(from, Math.min(t.length(), from + len), str.substring(offset, offset + len));
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        checkWritable(pos);
        return new java.io.ByteArrayOutputStream() {
            @Override
            public void close() throws java.io.IOException {
                LightningClob.this.writeAt(pos, new String(toByteArray(), StandardCharsets.US_ASCII));
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        checkWritable(pos);
        return new StringWriter() {
            @Override
            public void close() throws java.io.IOException {
                LightningClob.this.writeAt(pos, toString());
            }
        };
    }

    private void checkWritable(long pos) throws SQLException {
        LightningBlob.checkRange(pos, 0, live().length());
    }

    private void writeAt(long pos, String s) throws java.io.IOException {
        try {
            setString(pos, s);
        } catch (SQLException e) {
            throw new java.io.IOException(e);
        }
    }

    @Override
    public void truncate(long len) throws SQLException {
        StringBuilder t = live();
        if (len < 0 || len > t.length()) {
            throw new SQLException("Length " + len + " is out of range 0.." + t.length(), "22003");
        }
        t.setLength((int) len);
    }

    @Override
    public void free() {
        text = null;
    }
}
