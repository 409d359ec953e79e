package dev.lightningdb.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A Blob held in memory: values are stored inline in rows (VARBINARY), so there is no locator to
 * keep. Positions are 1-based, as JDBC numbers them. After {@link #free()} every method fails.
 */
final class LightningBlob implements Blob {
    private byte[] bytes;

    LightningBlob(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The bytes of any Blob (for parameters). */
    static byte[] bytesOf(Blob blob) throws SQLException {
        if (blob instanceof LightningBlob b) {
            return b.live().clone();
        }
        long n = blob.length();
        if (n > Integer.MAX_VALUE) {
            throw new SQLException("A Blob of " + n + " bytes is too large", "22001");
        }
        return n == 0 ? new byte[0] : blob.getBytes(1, (int) n);
    }

    private byte[] live() throws SQLException {
        if (bytes == null) {
            throw new SQLException("The Blob has been freed", "HY010");
        }
        return bytes;
    }

    static void checkRange(long pos, long length, long size) throws SQLException {
        if (pos < 1 || pos > size + 1) {
            throw new SQLException("Position " + pos + " is out of range 1.." + (size + 1), "22003");
        }
        if (length < 0) {
            throw new SQLException("Length must not be negative", "22003");
        }
    }

    @Override
    public long length() throws SQLException {
        return live().length;
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
        byte[] b = live();
        checkRange(pos, length, b.length);
        int from = (int) pos - 1;
        return Arrays.copyOfRange(b, from, from + Math.min(length, b.length - from));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(live().clone());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
        byte[] b = live();
        checkRange(pos, length, b.length);
        if (pos - 1 + length > b.length) {
            throw new SQLException("Position " + pos + " plus length " + length + " is past the end (" + b.length + ")", "22003");
        }
        return new ByteArrayInputStream(b.clone(), (int) pos - 1, (int) length);
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        byte[] b = live();
        checkRange(start, 0, b.length);
        outer:
        for (int i = (int) start - 1; i + pattern.length <= b.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(bytesOf(pattern), start);
    }

    @Override
    public int setBytes(long pos, byte[] data) throws SQLException {
        return setBytes(pos, data, 0, data.length);
    }

    @Override
    public int setBytes(long pos, byte[] data, int offset, int len) throws SQLException {
        byte[] b = live();
        checkRange(pos, len, b.length);
        if (offset < 0 || offset + len > data.length) {
            throw new SQLException("Offset " + offset + " and length " + len + " do not fit " + data.length + " bytes", "22003");
        }
        int from = (int) pos - 1;
        byte[] out = from + len > b.length ? Arrays.copyOf(b, from + len) : b;
        System.arraycopy(data, offset, out, from, len);
        bytes = out;
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        checkRange(pos, 0, live().length);
        return new ByteArrayOutputStream() {
            @Override
            public void close() throws java.io.IOException {
                try {
                    setBytes(pos, toByteArray());
                } catch (SQLException e) {
                    throw new java.io.IOException(e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        byte[] b = live();
        if (len < 0 || len > b.length) {
            throw new SQLException("Length " + len + " is out of range 0.." + b.length, "22003");
        }
        bytes = Arrays.copyOf(b, (int) len);
    }

    @Override
    public void free() {
        bytes = null;
    }
}
