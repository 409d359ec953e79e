package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.CorruptionException;
import java.util.Arrays;

/**
 * Values too large for a leaf live in a chain of overflow pages. After the {@link PageHeader}
 * (type 4, count 0):
 *
 * <pre>
 * offset size  field
 *     24    8  next page of the chain (0: last)
 *     32    4  n: bytes of the value in this page
 *     36    n  the value's bytes
 * </pre>
 *
 * Overflow pages bypass the page cache: they are written straight to fresh pages when the value is
 * stored and read straight from disk, one page at a time, when it is read, so a huge value never
 * occupies the cache. Like every page they are immutable; an updated value gets a new chain.
 */
final class Overflow {
    static final int NEXT = PageHeader.SIZE;
    static final int LENGTH = NEXT + 8;
    static final int DATA = LENGTH + 4;

    /** Allocates pages for a chain. */
    interface Allocator {
        long allocate();
    }

    private Overflow() {
    }

    static int capacity(int pageSize) {
        return pageSize - DATA;
    }

    /** Writes {@code value} to a new chain; returns its first page (0 for an empty value). */
    static long write(Pager pager, Allocator allocator, byte[] value, long lsn) {
        int cap = capacity(pager.pageSize());
        int pages = (value.length + cap - 1) / cap;
        if (pages == 0) {
            return 0;
        }
        long[] ids = new long[pages];
        for (int i = 0; i < pages; i++) {
            ids[i] = allocator.allocate();
        }
        byte[] page = new byte[pager.pageSize()];
        for (int i = 0; i < pages; i++) {
            int from = i * cap;
            int n = Math.min(cap, value.length - from);
            Arrays.fill(page, (byte) 0);
            PageHeader.init(page, PageHeader.TYPE_OVERFLOW, 0, ids[i], lsn);
            Bytes.putLong(page, NEXT, i + 1 < pages ? ids[i + 1] : 0);
            Bytes.putInt(page, LENGTH, n);
            System.arraycopy(value, from, page, DATA, n);
            PageHeader.seal(page);
            pager.writePage(ids[i], page);
        }
        return ids[0];
    }

    /** Reads a whole value, page by page, checking every page and the chain's shape. */
    static byte[] read(Pager pager, OverflowRef ref) {
        if (ref.length() > Integer.MAX_VALUE - 16) {
            throw new CorruptionException(pager.fileName() + ": overflow value of " + ref.length()
                    + " bytes at page " + ref.firstPage() + " is larger than a Java array can hold");
        }
        byte[] value = new byte[(int) ref.length()];
        int cap = capacity(pager.pageSize());
        long id = ref.firstPage();
        int done = 0;
        long expectedPages = (ref.length() + cap - 1) / cap;
        for (long i = 0; i < expectedPages; i++) {
            if (id == 0) {
                throw new CorruptionException(pager.fileName() + ": overflow chain from page " + ref.firstPage()
                        + " ends after " + i + " of " + expectedPages + " pages");
            }
            byte[] page = pager.readUncached(id, PageHeader.TYPE_OVERFLOW);
            int n = Bytes.getInt(page, LENGTH);
            int expectedN = (int) Math.min(cap, ref.length() - done);
            if (n != expectedN) {
                throw pager.corrupt(id, "holds " + n + " bytes of an overflow value, expected " + expectedN);
            }
            System.arraycopy(page, DATA, value, done, n);
            done += n;
            id = Bytes.getLong(page, NEXT);
        }
        if (id != 0) {
            throw new CorruptionException(pager.fileName() + ": overflow chain from page " + ref.firstPage()
                    + " continues past its value's length " + ref.length());
        }
        return value;
    }

    /** Adds the chain's page ids to {@code out} (reading each page for its next pointer). */
    static void collectPages(Pager pager, OverflowRef ref, LongList out) {
        int cap = capacity(pager.pageSize());
        long expectedPages = (ref.length() + cap - 1) / cap;
        long id = ref.firstPage();
        for (long i = 0; i < expectedPages; i++) {
            if (id == 0) {
                throw new CorruptionException(pager.fileName() + ": overflow chain from page " + ref.firstPage() + " is too short");
            }
            out.add(id);
            id = Bytes.getLong(pager.readUncached(id, PageHeader.TYPE_OVERFLOW), NEXT);
        }
    }
}
