package dev.lightningdb.engine.store.paged;

import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes leaf pages: the sorted key/value entries of the tree. After the {@link
 * PageHeader} (type 3, count = number of entries):
 *
 * <pre>
 * offset          size      field
 *     24          2*count   slot array: offset of entry i within the page (u16), in key order
 *     24+2*count  ...       entries, packed in slot order
 *
 * entry, inline value (kind 0):          entry, overflow value (kind 1):
 *   0  2  key length k                     0  2  key length k
 *   2  1  kind = 0                         2  1  kind = 1
 *   3  2  value length v                   3  8  value length (up to 4 GiB)
 *   5  k  key                             11  8  first page of the {@link Overflow} chain (0 if empty)
 * 5+k  v  value                           19  k  key
 * </pre>
 *
 * A value is inline when its entry fits in a quarter of the page body ({@link #fitsInline}), so
 * that every leaf holds at least three entries and a split always has room on both sides.
 */
final class LeafPage {
    static final int KIND_INLINE = 0;
    static final int KIND_OVERFLOW = 1;
    static final int INLINE_HEADER = 5;
    static final int OVERFLOW_HEADER = 19;

    private LeafPage() {
    }

    static int count(byte[] p) {
        return PageHeader.count(p);
    }

    static int entry(byte[] p, int i) {
        return Bytes.getU16(p, PageHeader.SIZE + 2 * i);
    }

    static int keyLength(byte[] p, int i) {
        return Bytes.getU16(p, entry(p, i));
    }

    static boolean isOverflow(byte[] p, int i) {
        return p[entry(p, i) + 2] == KIND_OVERFLOW;
    }

    static int keyOffset(byte[] p, int i) {
        int e = entry(p, i);
        return e + (p[e + 2] == KIND_OVERFLOW ? OVERFLOW_HEADER : INLINE_HEADER);
    }

    static byte[] key(byte[] p, int i) {
        int off = keyOffset(p, i);
        return Arrays.copyOfRange(p, off, off + keyLength(p, i));
    }

    /** Unsigned comparison of entry i's key with {@code key}. */
    static int compare(byte[] p, int i, byte[] key) {
        int off = keyOffset(p, i);
        return Arrays.compareUnsigned(p, off, off + keyLength(p, i), key, 0, key.length);
    }

    /** Index of {@code key}, or {@code -(insertion point) - 1} when absent. */
    static int search(byte[] p, byte[] key) {
        int lo = 0;
        int hi = count(p) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(p, mid, key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    static byte[] inlineValue(byte[] p, int i) {
        int e = entry(p, i);
        int len = Bytes.getU16(p, e + 3);
        int off = e + INLINE_HEADER + Bytes.getU16(p, e);
        return Arrays.copyOfRange(p, off, off + len);
    }

    static OverflowRef overflowRef(byte[] p, int i) {
        int e = entry(p, i);
        return new OverflowRef(Bytes.getLong(p, e + 3), Bytes.getLong(p, e + 11));
    }

    /** Bytes an entry takes in a page, its slot included. */
    static int entrySize(byte[] key, Object value) {
        return 2 + key.length + (value instanceof byte[] v ? INLINE_HEADER + v.length : OVERFLOW_HEADER);
    }

    /** Whether a value of {@code valueLength} with {@code keyLength} is stored inside the leaf. */
    static boolean fitsInline(int pageSize, int keyLength, long valueLength) {
        return 2 + INLINE_HEADER + keyLength + valueLength <= (pageSize - PageHeader.SIZE) / 4;
    }

    /** Lays out entries [from, to) of keys/values (byte[] inline or {@link OverflowRef}) into a zero-filled {@code page}. */
    static void write(byte[] page, long pageId, long lsn, List<byte[]> keys, List<Object> values, int from, int to) {
        int n = to - from;
        PageHeader.init(page, PageHeader.TYPE_LEAF, n, pageId, lsn);
        int pos = PageHeader.SIZE + 2 * n;
        for (int i = 0; i < n; i++) {
            byte[] key = keys.get(from + i);
            Object value = values.get(from + i);
            Bytes.putU16(page, PageHeader.SIZE + 2 * i, pos);
            Bytes.putU16(page, pos, key.length);
            if (value instanceof byte[] v) {
                page[pos + 2] = KIND_INLINE;
                Bytes.putU16(page, pos + 3, v.length);
                System.arraycopy(key, 0, page, pos + INLINE_HEADER, key.length);
                System.arraycopy(v, 0, page, pos + INLINE_HEADER + key.length, v.length);
                pos += INLINE_HEADER + key.length + v.length;
            } else {
                OverflowRef ref = (OverflowRef) value;
                page[pos + 2] = KIND_OVERFLOW;
                Bytes.putLong(page, pos + 3, ref.length());
                Bytes.putLong(page, pos + 11, ref.firstPage());
                System.arraycopy(key, 0, page, pos + OVERFLOW_HEADER, key.length);
                pos += OVERFLOW_HEADER + key.length;
            }
        }
        if (pos > page.length) {
            throw new IllegalStateException("leaf entries overflow the page: " + pos + " > " + page.length);
        }
        PageHeader.seal(page);
    }

    /**
     * Checks that the slot array and entries lie inside the page; null when sound, else what is wrong.
     * Readers trust a page that passed its checksum; this guards the integrity check and pages read
     * with checksums off.
     */
    static String checkLayout(byte[] p) {
        int n = count(p);
        int min = PageHeader.SIZE + 2 * n;
        if (min > p.length) {
            return "entry count " + n + " does not fit in the page";
        }
        for (int i = 0; i < n; i++) {
            int e = entry(p, i);
            if (e < min || e + INLINE_HEADER > p.length) {
                return "entry " + i + " offset " + e + " out of bounds";
            }
            int kind = p[e + 2];
            if (kind != KIND_INLINE && kind != KIND_OVERFLOW) {
                return "entry " + i + " has unknown kind " + kind;
            }
            long end = (long) keyOffset(p, i) + keyLength(p, i) + (kind == KIND_INLINE ? Bytes.getU16(p, e + 3) : 0);
            if (kind == KIND_OVERFLOW && e + OVERFLOW_HEADER > p.length || end > p.length) {
                return "entry " + i + " runs past the end of the page";
            }
        }
        return null;
    }
}
