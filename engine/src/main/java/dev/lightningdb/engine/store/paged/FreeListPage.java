package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.CorruptionException;
import java.util.BitSet;

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

    /**
     * Reads the free list a meta page names: its page ids (returned) and the pages that hold it
     * (added to {@code listPages}); a cycle, an id out of range or listed twice, or a count that
     * differs from the meta page's is corruption.
     */
    static LongList load(Pager pager, MetaPage meta, LongList listPages) {
        LongList free = new LongList();
        BitSet seen = new BitSet();
        long id = meta.freeListHead();
        long first = pager.firstDataPage();
        while (id != 0) {
            if (listPages.size() > meta.pageCount()) {
                throw new CorruptionException(pager.fileName() + ": free list has a cycle");
            }
            byte[] page = pager.readUncached(id, PageHeader.TYPE_FREELIST);
            listPages.add(id);
            seen.set((int) id);
            int n = FreeListPage.size(page);
            if (n < 0 || n > FreeListPage.capacity(pager.pageSize())) {
                throw pager.corrupt(id, "free-list page claims " + n + " ids");
            }
            for (int i = 0; i < n; i++) {
                long f = FreeListPage.id(page, i);
                if (f < first || f >= meta.pageCount() || seen.get((int) f)) {
                    throw pager.corrupt(id, "free-list entry " + i + " names page " + f + ", out of range or listed twice");
                }
                seen.set((int) f);
                free.add(f);
            }
            id = FreeListPage.next(page);
        }
        if (free.size() != meta.freeCount()) {
            throw new CorruptionException(pager.fileName() + ": free list holds " + free.size() + " pages, the meta page says " + meta.freeCount());
        }
        return free;
    }
}
