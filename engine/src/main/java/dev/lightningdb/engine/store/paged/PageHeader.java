package dev.lightningdb.engine.store.paged;

import java.util.zip.CRC32C;

/**
 * The header every data page starts with (all pages except the meta area, see {@link MetaPage}).
 * Integers are little-endian.
 *
 * <pre>
 * offset size field
 *      0    4 CRC32C of bytes [4, pageSize): the whole page after this field
 *      4    1 page type: 2 branch, 3 leaf, 4 overflow, 5 free list
 *      5    1 reserved, 0
 *      6    2 entry count (unsigned): keys of a leaf, children of a branch; 0 for other types
 *      8    8 page id: the page's own number, so that a misdirected write is caught
 *     16    8 LSN: the checkpoint generation the page was written for (issue 5 makes it the WAL
 *             LSN of the last change); a page newer than the meta page that reaches it is stale
 *     24      body, laid out by {@link LeafPage}, {@link BranchPage}, {@link Overflow}, {@link FreeListPage}
 * </pre>
 *
 * Page {@code n} lives at file offset {@code n * pageSize}. Pages are immutable once written: a
 * change always goes to a freshly allocated page (see {@link PagedStore}).
 */
final class PageHeader {
    static final int CHECKSUM = 0;
    static final int TYPE = 4;
    static final int COUNT = 6;
    static final int PAGE_ID = 8;
    static final int LSN = 16;
    static final int SIZE = 24;

    static final byte TYPE_BRANCH = 2;
    static final byte TYPE_LEAF = 3;
    static final byte TYPE_OVERFLOW = 4;
    static final byte TYPE_FREELIST = 5;

    private PageHeader() {
    }

    static void init(byte[] page, byte type, int count, long pageId, long lsn) {
        page[TYPE] = type;
        page[TYPE + 1] = 0;
        Bytes.putU16(page, COUNT, count);
        Bytes.putLong(page, PAGE_ID, pageId);
        Bytes.putLong(page, LSN, lsn);
    }

    static int type(byte[] page) {
        return page[TYPE];
    }

    static int count(byte[] page) {
        return Bytes.getU16(page, COUNT);
    }

    static long pageId(byte[] page) {
        return Bytes.getLong(page, PAGE_ID);
    }

    static long lsn(byte[] page) {
        return Bytes.getLong(page, LSN);
    }

    static int storedChecksum(byte[] page) {
        return Bytes.getInt(page, CHECKSUM);
    }

    static int computeChecksum(byte[] page) {
        CRC32C crc = new CRC32C();
        crc.update(page, 4, page.length - 4);
        return (int) crc.getValue();
    }

    /** Stores the checksum; the last step before a page leaves memory. */
    static void seal(byte[] page) {
        Bytes.putInt(page, CHECKSUM, computeChecksum(page));
    }

    static String typeName(int type) {
        return switch (type) {
            case TYPE_BRANCH -> "branch";
            case TYPE_LEAF -> "leaf";
            case TYPE_OVERFLOW -> "overflow";
            case TYPE_FREELIST -> "free-list";
            default -> "unknown type " + type;
        };
    }
}
