package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.LightningDbConfig;
import java.util.zip.CRC32C;

/**
 * The two meta slots at the start of the data file name the last complete checkpoint. Each slot is
 * {@value #SLOT_SIZE} bytes, slot 0 at file offset 0 and slot 1 at offset {@value #SLOT_SIZE},
 * whatever the page size, so that a file can be opened before its page size is known. The data
 * pages that overlap the meta area ({@link #firstDataPage}) are never allocated.
 *
 * <pre>
 * offset size field
 *      0    4 CRC32C of bytes [4, 4096)
 *      4    4 format version (1)
 *      8    8 magic "LTNGDB\0\1"
 *     16    8 checkpoint LSN: where WAL replay starts (issue 5); 0 until the WAL exists
 *     24    4 page size
 *     28    4 tree height (1: the root is a leaf)
 *     32    8 generation: +1 per checkpoint; the valid slot with the higher one wins
 *     40    8 root page id
 *     48    8 entry count (keys in the tree)
 *     56    8 page count: the file's length in pages; every page below it is accounted for
 *     64    8 first free-list page (0: no free list)
 *     72    8 number of free pages listed
 *     80      zero up to 4096
 * </pre>
 *
 * A checkpoint writes the alternate slot ({@code generation % 2}) and forces it, so a torn or lost
 * meta write leaves the previous checkpoint in the other slot.
 */
record MetaPage(int pageSize, int height, long generation, long checkpointLsn, long root, long entries,
                long pageCount, long freeListHead, long freeCount) {
    static final int SLOT_SIZE = 4096;
    static final long MAGIC = 0x0100_4244_474E_544CL; // "LTNGDB\0\1" little-endian
    static final int VERSION = 1;
    static final int MAX_HEIGHT = 64;

    /** The lowest page id that may hold data: pages below overlap the meta area. */
    static long firstDataPage(int pageSize) {
        return Math.max(1, (2L * SLOT_SIZE + pageSize - 1) / pageSize);
    }

    byte[] encode() {
        byte[] b = new byte[SLOT_SIZE];
        Bytes.putInt(b, 4, VERSION);
        Bytes.putLong(b, 8, MAGIC);
        Bytes.putLong(b, 16, checkpointLsn);
        Bytes.putInt(b, 24, pageSize);
        Bytes.putInt(b, 28, height);
        Bytes.putLong(b, 32, generation);
        Bytes.putLong(b, 40, root);
        Bytes.putLong(b, 48, entries);
        Bytes.putLong(b, 56, pageCount);
        Bytes.putLong(b, 64, freeListHead);
        Bytes.putLong(b, 72, freeCount);
        Bytes.putInt(b, 0, checksum(b));
        return b;
    }

    static int checksum(byte[] slot) {
        CRC32C crc = new CRC32C();
        crc.update(slot, 4, SLOT_SIZE - 4);
        return (int) crc.getValue();
    }

    static boolean hasMagic(byte[] slot) {
        return Bytes.getLong(slot, 8) == MAGIC;
    }

    /**
     * Decodes and validates a slot.
     *
     * @throws IllegalArgumentException naming what is wrong (the caller adds file and slot)
     */
    static MetaPage decode(byte[] slot) {
        int stored = Bytes.getInt(slot, 0);
        int found = checksum(slot);
        if (!hasMagic(slot)) {
            throw new IllegalArgumentException("no LightningDB magic number");
        }
        if (stored != found) {
            throw new IllegalArgumentException("checksum mismatch, expected 0x" + Integer.toHexString(stored)
                    + " found 0x" + Integer.toHexString(found));
        }
        int version = Bytes.getInt(slot, 4);
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported format version " + version + " (this engine reads " + VERSION + ")");
        }
        MetaPage m = new MetaPage(Bytes.getInt(slot, 24), Bytes.getInt(slot, 28), Bytes.getLong(slot, 32),
                Bytes.getLong(slot, 16), Bytes.getLong(slot, 40), Bytes.getLong(slot, 48), Bytes.getLong(slot, 56),
                Bytes.getLong(slot, 64), Bytes.getLong(slot, 72));
        String problem = m.validate();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return m;
    }

    private String validate() {
        if (pageSize < LightningDbConfig.MIN_PAGE_SIZE || pageSize > LightningDbConfig.MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1) {
            return "impossible page size " + pageSize;
        }
        long first = firstDataPage(pageSize);
        if (pageCount <= first || pageCount > Integer.MAX_VALUE) {
            return "impossible page count " + pageCount;
        }
        if (root < first || root >= pageCount) {
            return "root page " + root + " outside [" + first + ", " + pageCount + ")";
        }
        if (height < 1 || height > MAX_HEIGHT) {
            return "impossible tree height " + height;
        }
        if (freeListHead != 0 && (freeListHead < first || freeListHead >= pageCount)) {
            return "free-list page " + freeListHead + " outside [" + first + ", " + pageCount + ")";
        }
        if (entries < 0 || freeCount < 0 || freeCount > pageCount || generation < 1) {
            return "impossible counters (entries " + entries + ", free " + freeCount + ", generation " + generation + ")";
        }
        return null;
    }
}
