package dev.lightningdb.engine.wal;

import dev.lightningdb.engine.store.WriteSet;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One WAL record: a committed write set under its log sequence number. All integers are big-endian.
 *
 * <pre>
 * offset  size  field
 *      0     8  LSN (1, 2, 3, ...: one per commit, no gaps)
 *      8     4  payload length n
 *     12     4  CRC32C over bytes 0..11 and the payload
 *     16     n  payload
 *
 * payload:
 *      0     4  entry count c
 *      then c entries, in ascending unsigned key order:
 *            4  key length k
 *            4  value length v, or -1 for a delete
 *            k  key
 *            v  value (absent for a delete)
 * </pre>
 */
final class WalRecord {
    /** Bytes before the payload. */
    public static final int HEADER = 16;

    private WalRecord() {
    }

    /** The whole record (header and payload) for {@code writes} under {@code lsn}. */
    static byte[] encode(long lsn, WriteSet writes) {
        long size = HEADER + 4L;
        for (Map.Entry<byte[], byte[]> e : writes.entries()) {
            size += 8L + e.getKey().length + (WriteSet.isTombstone(e.getValue()) ? 0 : e.getValue().length);
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("write set of " + size + " bytes is too large for one WAL record");
        }
        byte[] b = new byte[(int) size];
        putLong(b, 0, lsn);
        putInt(b, 8, b.length - HEADER);
        int p = HEADER;
        putInt(b, p, writes.size());
        p += 4;
        for (Map.Entry<byte[], byte[]> e : writes.entries()) {
            byte[] k = e.getKey();
            byte[] v = e.getValue();
            boolean delete = WriteSet.isTombstone(v);
            putInt(b, p, k.length);
            putInt(b, p + 4, delete ? -1 : v.length);
            p += 8;
            System.arraycopy(k, 0, b, p, k.length);
            p += k.length;
            if (!delete) {
                System.arraycopy(v, 0, b, p, v.length);
                p += v.length;
            }
        }
        putInt(b, 12, crc(b, 0, b.length));
        return b;
    }

    /** CRC32C over the first 12 bytes and everything from byte 16 of {@code record[offset, offset+length)}. */
    static int crc(byte[] record, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(record, offset, 12);
        c.update(record, offset + HEADER, length - HEADER);
        return (int) c.getValue();
    }

    /** Decodes a payload checked by its CRC; throws IllegalArgumentException when it does not parse. */
    static WriteSet decodePayload(byte[] b, int offset, int length) {
        int end = offset + length;
        if (length < 4) {
            throw new IllegalArgumentException("payload of " + length + " bytes has no entry count");
        }
        int count = getInt(b, offset);
        int p = offset + 4;
        WriteSet ws = new WriteSet();
        for (int i = 0; i < count; i++) {
            if (p + 8 > end) {
                throw new IllegalArgumentException("entry " + i + " runs past the payload");
            }
            int k = getInt(b, p);
            int v = getInt(b, p + 4);
            p += 8;
            if (k <= 0 || v < -1 || (long) p + k + Math.max(v, 0) > end) {
                throw new IllegalArgumentException("entry " + i + " has impossible lengths " + k + "/" + v);
            }
            byte[] key = java.util.Arrays.copyOfRange(b, p, p + k);
            p += k;
            if (v < 0) {
                ws.delete(key);
            } else {
                ws.put(key, java.util.Arrays.copyOfRange(b, p, p + v));
                p += v;
            }
        }
        if (p != end) {
            throw new IllegalArgumentException((end - p) + " bytes left over after " + count + " entries");
        }
        return ws;
    }

    static void putLong(byte[] b, int p, long v) {
        putInt(b, p, (int) (v >>> 32));
        putInt(b, p + 4, (int) v);
    }

    static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    static long getLong(byte[] b, int p) {
        return ((long) getInt(b, p) << 32) | (getInt(b, p + 4) & 0xFFFF_FFFFL);
    }

    static int getInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
