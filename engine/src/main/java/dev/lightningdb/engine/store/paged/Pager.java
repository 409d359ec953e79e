package dev.lightningdb.engine.store.paged;

import dev.lightningdb.engine.common.CorruptionException;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.io.FileIO;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pages in and out of the data file: reads through the {@link PageCache}, checksum and header
 * checks, direct reads and writes for pages that bypass the cache (overflow and free-list pages,
 * the integrity check).
 *
 * <p>A page read from disk is checked ({@code verifyChecksumsOnRead}): a checksum mismatch is read
 * a second time (a transient fault), then reported as {@link CorruptionException} naming file, page,
 * expected and found checksum, and counted in {@code errors.checksum}. Independently of the checksum
 * knob, the header must name the page's own id and the expected type, and its LSN must not be newer
 * than the generation being written ({@link #lsnLimit}): a page newer than the meta page that
 * reaches it is a leftover of a later, lost checkpoint. Corrupt pages are never cached.
 */
final class Pager {
    private final FileIO io;
    private final int pageSize;
    private final boolean verifyChecksums;
    private final long firstDataPage;
    private final PageCache cache;
    private final LongAdder checksumErrors = new LongAdder();
    private final LongAdder pageReads = new LongAdder();
    private final LongAdder pageWrites = new LongAdder();
    private volatile long pageCount;
    private volatile long lsnLimit;

    Pager(FileIO io, int pageSize, boolean verifyChecksums, long cacheBytes, long pageCount, long lsnLimit) {
        this.io = io;
        this.pageSize = pageSize;
        this.verifyChecksums = verifyChecksums;
        this.firstDataPage = MetaPage.firstDataPage(pageSize);
        this.pageCount = pageCount;
        this.lsnLimit = lsnLimit;
        this.cache = new PageCache((int) Math.max(16, Math.min(Integer.MAX_VALUE, cacheBytes / pageSize)), this::writePage);
    }

    int pageSize() {
        return pageSize;
    }

    String fileName() {
        return io.name();
    }

    FileIO io() {
        return io;
    }

    PageCache cache() {
        return cache;
    }

    long firstDataPage() {
        return firstDataPage;
    }

    long pageCount() {
        return pageCount;
    }

    void pageCount(long n) {
        pageCount = n;
    }

    long lsnLimit() {
        return lsnLimit;
    }

    void lsnLimit(long lsn) {
        lsnLimit = lsn;
    }

    long checksumErrors() {
        return checksumErrors.sum();
    }

    /** A branch or leaf page, through the cache. */
    byte[] readTreePage(long pageId, byte expectedType) {
        byte[] page = cache.get(pageId);
        if (page == null) {
            page = readVerified(pageId);
            checkHeader(page, pageId, expectedType);
            page = cache.offer(pageId, page);
        } else if (page[PageHeader.TYPE] != expectedType) {
            throw corrupt(pageId, "is a " + PageHeader.typeName(page[PageHeader.TYPE]) + " page, expected " + PageHeader.typeName(expectedType));
        }
        return page;
    }

    /** A page straight from disk (not cached), checksum and header checked. */
    byte[] readUncached(long pageId, byte expectedType) {
        byte[] page = readVerified(pageId);
        checkHeader(page, pageId, expectedType);
        return page;
    }

    /** Reads a page from disk and checks its checksum (when configured), re-reading once on mismatch. */
    byte[] readVerified(long pageId) {
        checkRange(pageId);
        byte[] page = readRaw(pageId);
        if (verifyChecksums) {
            int expected = PageHeader.storedChecksum(page);
            int found = PageHeader.computeChecksum(page);
            if (expected != found) {
                page = readRaw(pageId);
                expected = PageHeader.storedChecksum(page);
                found = PageHeader.computeChecksum(page);
                if (expected != found) {
                    checksumErrors.increment();
                    throw corrupt(pageId, "checksum mismatch: expected 0x" + Integer.toHexString(expected)
                            + ", found 0x" + Integer.toHexString(found));
                }
            }
        }
        return page;
    }

    /** Reads a page from disk with no check at all (the integrity checker reports problems itself). */
    byte[] readRaw(long pageId) {
        byte[] page = new byte[pageSize];
        int n;
        try {
            n = io.read(pageId * pageSize, page, 0, pageSize);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot read page " + pageId + " of " + io.name() + ": " + e.getMessage(), e);
        }
        pageReads.increment();
        if (n < pageSize) {
            throw corrupt(pageId, "lies beyond the end of the file (read " + n + " of " + pageSize + " bytes)");
        }
        return page;
    }

    void checkHeader(byte[] page, long pageId, byte expectedType) {
        long stored = PageHeader.pageId(page);
        if (stored != pageId) {
            throw corrupt(pageId, "header names page " + stored + " (misplaced write?)");
        }
        if (page[PageHeader.TYPE] != expectedType) {
            throw corrupt(pageId, "is a " + PageHeader.typeName(page[PageHeader.TYPE]) + " page, expected " + PageHeader.typeName(expectedType));
        }
        long lsn = PageHeader.lsn(page);
        if (lsn > lsnLimit || lsn < 0) {
            throw corrupt(pageId, "has LSN " + lsn + ", newer than the checkpoint that reaches it (" + lsnLimit + ")");
        }
        String layout = expectedType == PageHeader.TYPE_LEAF ? LeafPage.checkLayout(page)
                : expectedType == PageHeader.TYPE_BRANCH ? BranchPage.checkLayout(page) : null;
        if (layout != null) {
            throw corrupt(pageId, "is malformed: " + layout);
        }
    }

    void checkRange(long pageId) {
        if (pageId < firstDataPage || pageId >= pageCount) {
            throw corrupt(pageId, "is outside the file's data pages [" + firstDataPage + ", " + pageCount + ")");
        }
    }

    /** Writes a sealed page image at its place; used by eviction, checkpoints and overflow chains. */
    void writePage(long pageId, byte[] page) {
        try {
            io.write(pageId * pageSize, page, 0, pageSize);
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot write page " + pageId + " of " + io.name() + ": " + e.getMessage(), e);
        }
        pageWrites.increment();
    }

    void force() {
        try {
            io.force();
        } catch (IOException e) {
            throw new LightningDbException(ErrorCode.IO_ERROR, "cannot force " + io.name() + ": " + e.getMessage(), e);
        }
    }

    CorruptionException corrupt(long pageId, String what) {
        return new CorruptionException(io.name() + ": page " + pageId + " " + what);
    }

    void addStats(java.util.Map<String, Long> m) {
        cache.addStats(m);
        m.put("errors.checksum", checksumErrors.sum());
        m.put("pages.reads", pageReads.sum());
        m.put("pages.writes", pageWrites.sum());
        m.put("pages.total", pageCount);
        m.put("pages.size", (long) pageSize);
    }
}
