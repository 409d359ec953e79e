package dev.lightningdb.sql.codec;

import java.util.Arrays;

/** A growable byte buffer for building keys and rows; reuse it with {@link #reset()}. */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public ByteWriter reset() {
        size = 0;
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteWriter write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter write(byte[] b) {
        return write(b, 0, b.length);
    }

    public ByteWriter write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public ByteWriter writeShortBE(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter writeIntBE(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter writeLongBE(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Overwrites bytes already written, starting at {@code offset}. */
    public ByteWriter patch(int offset, byte[] b) {
        if (offset < 0 || offset + b.length > size) {
            throw new IndexOutOfBoundsException("patch of " + b.length + " bytes at " + offset + " beyond size " + size);
        }
        System.arraycopy(b, 0, buf, offset, b.length);
        return this;
    }

    /** Unsigned LEB128. */
    public ByteWriter writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** Zig-zag then LEB128, so small negative numbers stay small. */
    public ByteWriter writeSignedVarLong(long v) {
        return writeVarLong((v << 1) ^ (v >> 63));
    }
}
