package dev.lightningdb.engine.store.paged;

/**
 * The free list of a checkpoint, as a chain of pages. After the {@link PageHeader} (type 5):
 *
 * <pre>
 * offset size    field
 *     24    8    next free-list page (0: last)
 *     32    4    number n of page ids in this page
 *     36    8*n  free page ids
 * </pre>
 */
final class FreeListPage {
    static final int NEXT = PageHeader.SIZE;
    static final int N = NEXT + 8;
    static final int IDS = N + 4;

    private FreeListPage() {
    }

    static int capacity(int pageSize) {
        return (pageSize - IDS) / 8;
    }

    static long next(byte[] p) {
        return Bytes.getLong(p, NEXT);
    }

    static int size(byte[] p) {
        return Bytes.getInt(p, N);
    }

    static long id(byte[] p, int i) {
        return Bytes.getLong(p, IDS + 8 * i);
    }

    static void write(byte[] page, long pageId, long lsn, long next, LongList ids, int from, int to) {
        java.util.Arrays.fill(page, (byte) 0);
        PageHeader.init(page, PageHeader.TYPE_FREELIST, 0, pageId, lsn);
        Bytes.putLong(page, NEXT, next);
        Bytes.putInt(page, N, to - from);
        for (int i = from; i < to; i++) {
            Bytes.putLong(page, IDS + 8 * (i - from), ids.get(i));
        }
        PageHeader.seal(page);
    }
}
