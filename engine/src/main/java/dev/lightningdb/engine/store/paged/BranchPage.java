package dev.lightningdb.engine.store.paged;

import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes branch (interior) pages. After the {@link PageHeader} (type 2, count = number of
 * children, at least 1):
 *
 * <pre>
 * offset          size      field
 *     24          2*count   slot array: offset of entry i (u16)
 *     24+2*count  ...       entries, packed in slot order
 *
 * entry i:
 *   0  8  child page id
 *   8  2  key length k
 *  10  k  separator key_i: every key in child i is >= key_i and < key_(i+1)
 * </pre>
 *
 * key_0 is the lower fence of the whole branch: it equals the separator the parent holds for this
 * branch, except along the leftmost spine where it may be empty or stale. Lookups therefore never
 * compare with key_0: a key below key_1 goes to child 0.
 */
final class BranchPage {
    static final int ENTRY_HEADER = 10;

    private BranchPage() {
    }

    static int count(byte[] p) {
        return PageHeader.count(p);
    }

    static int entry(byte[] p, int i) {
        return Bytes.getU16(p, PageHeader.SIZE + 2 * i);
    }

    static long child(byte[] p, int i) {
        return Bytes.getLong(p, entry(p, i));
    }

    static int keyLength(byte[] p, int i) {
        return Bytes.getU16(p, entry(p, i) + 8);
    }

    static byte[] key(byte[] p, int i) {
        int e = entry(p, i);
        return Arrays.copyOfRange(p, e + ENTRY_HEADER, e + ENTRY_HEADER + Bytes.getU16(p, e + 8));
    }

    static int compare(byte[] p, int i, byte[] key) {
        int e = entry(p, i);
        int off = e + ENTRY_HEADER;
        return Arrays.compareUnsigned(p, off, off + Bytes.getU16(p, e + 8), key, 0, key.length);
    }

    /** The child to descend into for {@code key}: the last i >= 1 with key_i <= key, else 0. */
    static int route(byte[] p, byte[] key) {
        int lo = 1;
        int hi = count(p) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(p, mid, key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo - 1;
    }

    static int entrySize(byte[] key) {
        return 2 + ENTRY_HEADER + key.length;
    }

    /** Lays out entries [from, to) (keys and child page ids, {@code Long}) into a zero-filled {@code page}. */
    static void write(byte[] page, long pageId, long lsn, List<byte[]> keys, List<Object> children, int from, int to) {
        int n = to - from;
        PageHeader.init(page, PageHeader.TYPE_BRANCH, n, pageId, lsn);
        int pos = PageHeader.SIZE + 2 * n;
        for (int i = 0; i < n; i++) {
            byte[] key = keys.get(from + i);
            Bytes.putU16(page, PageHeader.SIZE + 2 * i, pos);
            Bytes.putLong(page, pos, (Long) children.get(from + i));
            Bytes.putU16(page, pos + 8, key.length);
            System.arraycopy(key, 0, page, pos + ENTRY_HEADER, key.length);
            pos += ENTRY_HEADER + key.length;
        }
        if (pos > page.length) {
            throw new IllegalStateException("branch entries overflow the page: " + pos + " > " + page.length);
        }
        PageHeader.seal(page);
    }

    /** Null when the slot array and entries lie inside the page, else what is wrong. */
    static String checkLayout(byte[] p) {
        int n = count(p);
        int min = PageHeader.SIZE + 2 * n;
        if (n == 0) {
            return "branch has no children";
        }
        if (min > p.length) {
            return "child count " + n + " does not fit in the page";
        }
        for (int i = 0; i < n; i++) {
            int e = entry(p, i);
            if (e < min || e + ENTRY_HEADER > p.length || e + ENTRY_HEADER + Bytes.getU16(p, e + 8) > p.length) {
                return "entry " + i + " at offset " + e + " runs out of the page";
            }
        }
        return null;
    }
}
