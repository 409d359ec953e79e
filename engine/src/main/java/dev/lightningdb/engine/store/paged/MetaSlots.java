package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two meta slots at the start of a data file ({@link MetaPage}): writing the first checkpoint
 * of a new file, and finding the newest valid one of an existing file. A checkpoint writes the slot
 * its generation's parity names, so the other still holds the previous checkpoint.
 */
final class MetaSlots {
    private MetaSlots() {
    }

    /** The newest valid meta page, its slot's bytes, and what was wrong with the other slot. */
    record Newest(MetaPage meta, byte[] slot, List<String> problems) {
    }

    /** Writes an empty database (generation 1, one empty leaf) to a new, empty file. */
    static void format(FileIO io, int pageSize) {
        long root = MetaPage.firstDataPage(pageSize);
        byte[] leaf = new byte[pageSize];
        LeafPage.write(leaf, root, 1, List.of(), List.of(), 0, 0);
        MetaPage meta = new MetaPage(pageSize, 1, 1, 0, root, 0, root + 1, 0, 0);
        byte[] slot = meta.encode();
        try {
            io.write(root * pageSize, leaf, 0, pageSize);
            io.write(0, slot, 0, slot.length);
            io.write(MetaPage.SLOT_SIZE, slot, 0, slot.length);
            io.force();
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot create " + io.name() + ": " + e.getMessage(), e);
        }
    }

    /** Writes an encoded meta page to slot 0 or 1 (not forced). */
    static void write(FileIO io, int slot, byte[] bytes) {
        try {
            io.write((long) slot * MetaPage.SLOT_SIZE, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot write meta page " + slot + " of " + io.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest valid meta page of a file.
     *
     * @throws CorruptionException when neither meta page is valid or the file is truncated
     * @throws LightningDbException CANNOT_OPEN when the file is not a LightningDB file at all
     */
    static Newest read(FileIO io) {
        String name = io.name();
        long size;
        byte[] slot0 = new byte[MetaPage.SLOT_SIZE];
        byte[] slot1 = new byte[MetaPage.SLOT_SIZE];
        try {
            size = io.size();
            if (size == 0) {
                throw new CorruptionException(name + " is empty (0 bytes): a LightningDB data file starts with two meta pages");
            }
            if (size < 2L * MetaPage.SLOT_SIZE) {
                throw new CorruptionException(name + " is truncated: " + size + " bytes, shorter than its "
                        + 2 * MetaPage.SLOT_SIZE + "-byte meta area");
            }
            io.read(0, slot0, 0, slot0.length);
            io.read(MetaPage.SLOT_SIZE, slot1, 0, slot1.length);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot read " + name + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        MetaPage m0 = decodeSlot(slot0, 0, name, problems);
        MetaPage m1 = decodeSlot(slot1, 1, name, problems);
        if (m0 == null && m1 == null) {
            if (!MetaPage.hasMagic(slot0) && !MetaPage.hasMagic(slot1)) {
                throw new LightningDbException(ErrorCode.CANNOT_OPEN, name + " is not a LightningDB data file (no magic number in either meta page)");
            }
            throw new CorruptionException("no valid meta page: " + String.join("; ", problems));
        }
        boolean first = m1 == null || (m0 != null && m0.generation() >= m1.generation());
        MetaPage meta = first ? m0 : m1;
        if (size < meta.pageCount() * meta.pageSize()) {
            throw new CorruptionException(name + " is truncated: " + size + " bytes, but its checkpoint " + meta.generation()
                    + " needs " + meta.pageCount() + " pages of " + meta.pageSize() + " bytes");
        }
        return new Newest(meta, first ? slot0 : slot1, problems);
    }

    private static MetaPage decodeSlot(byte[] slot, int n, String name, List<String> problems) {
        try {
            return MetaPage.decode(slot);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": meta page slot " + n + ": " + e.getMessage());
            return null;
        }
    }

}
