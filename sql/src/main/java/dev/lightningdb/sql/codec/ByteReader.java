package dev.lightningdb.sql.codec;

/**
 * Reads what {@link ByteWriter} wrote. Reading past the end or an overlong varint throws
 * {@link MalformedDataException}, so a damaged row is reported rather than misread.
 */
public final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int end) {
        this.buf = buf;
        this.pos = offset;
        this.end = end;
    }

    public int position() {
        return pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new MalformedDataException("needs " + n + " more bytes at offset " + pos + " of " + end);
        }
    }

    public int read() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int peek() {
        need(1);
        return buf[pos] & 0xFF;
    }

    public byte[] read(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public int readShortBE() {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int readIntBE() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long readLongBE() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new MalformedDataException("varint longer than 10 bytes at offset " + pos);
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A length prefix that must fit in what remains. */
    public int readLength() {
        long n = readVarLong();
        if (n < 0 || n > remaining()) {
            throw new MalformedDataException("length " + n + " exceeds the " + remaining() + " bytes left at offset " + pos);
        }
        return (int) n;
    }
}
