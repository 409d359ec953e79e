package dev.lightningdb.engine.store.paged;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only access to the on-disk formats of this package for tools that read a data file without
 * opening it as a store: salvage ({@code dev.lightningdb.engine.salvage}) and tests that damage
 * files on purpose. Nothing here writes; every method works on bytes the caller read. The formats
 * themselves are documented where they are written: {@link MetaPage}, {@link PageHeader}, {@link
 * LeafPage}, {@link Overflow}, {@link FreeListPage}.
 */
public final class PageInspector {
    /** Size of one meta slot; slot n lives at file offset {@code n * META_SLOT_SIZE}. */
    public static final int META_SLOT_SIZE = MetaPage.SLOT_SIZE;

    private PageInspector() {
    }

    /** What a valid meta slot says. */
    public record Meta(int pageSize, int height, long generation, long checkpointLsn, long root, long entries, long pageCount,
                       long freeListHead, long freeCount) {
    }

    /** One entry of a leaf: its key and either its inline value or the overflow chain that holds it. */
    public record LeafEntry(byte[] key, byte[] inlineValue, long overflowLength, long overflowFirstPage) {
        public boolean isOverflow() {
            return inlineValue == null;
        }
    }

    /** Decodes a meta slot; null when it is not a valid one (checksum, magic, version or fields). */
    public static Meta meta(byte[] slot) {
        try {
            MetaPage m = MetaPage.decode(slot);
            return new Meta(m.pageSize(), m.height(), m.generation(), m.checkpointLsn(), m.root(), m.entries(), m.pageCount(),
                    m.freeListHead(), m.freeCount());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static long firstDataPage(int pageSize) {
        return MetaPage.firstDataPage(pageSize);
    }

    /** Whether the page's stored checksum matches its content and it names itself as page {@code pageId}. */
    public static boolean isIntact(byte[] page, long pageId) {
        return PageHeader.storedChecksum(page) == PageHeader.computeChecksum(page) && PageHeader.pageId(page) == pageId;
    }

    /** Whether every byte is zero (a page allocated but never written, not damage). */
    public static boolean isZero(byte[] page) {
        for (byte b : page) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The page's LSN: the checkpoint generation it was written for. */
    public static long lsn(byte[] page) {
        return PageHeader.lsn(page);
    }

    public static boolean isLeaf(byte[] page) {
        return PageHeader.type(page) == PageHeader.TYPE_LEAF;
    }

    public static boolean isFreeList(byte[] page) {
        return PageHeader.type(page) == PageHeader.TYPE_FREELIST;
    }

    /** The entries of an intact leaf, or null when its layout is unsound. */
    public static List<LeafEntry> leafEntries(byte[] page) {
        if (LeafPage.checkLayout(page) != null) {
            return null;
        }
        int n = LeafPage.count(page);
        List<LeafEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] key = LeafPage.key(page, i);
            if (LeafPage.isOverflow(page, i)) {
                OverflowRef ref = LeafPage.overflowRef(page, i);
                out.add(new LeafEntry(key, null, ref.length(), ref.firstPage()));
            } else {
                out.add(new LeafEntry(key, LeafPage.inlineValue(page, i), 0, 0));
            }
        }
        return out;
    }

    /** The page ids an intact free-list page names, or null when its count is impossible. */
    public static long[] freeListIds(byte[] page) {
        int n = FreeListPage.size(page);
        if (n < 0 || n > FreeListPage.capacity(page.length)) {
            return null;
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = FreeListPage.id(page, i);
        }
        return ids;
    }

    public static long freeListNext(byte[] page) {
        return FreeListPage.next(page);
    }

    public static boolean isOverflow(byte[] page) {
        return PageHeader.type(page) == PageHeader.TYPE_OVERFLOW;
    }

    public static long overflowNext(byte[] page) {
        return Bytes.getLong(page, Overflow.NEXT);
    }

    /** The value bytes an intact overflow page holds, or null when its length field is impossible. */
    public static byte[] overflowData(byte[] page) {
        int n = Bytes.getInt(page, Overflow.LENGTH);
        if (n < 0 || n > Overflow.capacity(page.length)) {
            return null;
        }
        return java.util.Arrays.copyOfRange(page, Overflow.DATA, Overflow.DATA + n);
    }
}
