package dev.lightningdb.engine.store.paged;

import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * Which pages may be (re)used: the page allocator of {@link PagedStore}. Only the writer (under the
 * store's write lock) calls it.
 *
 * <p>Every page id in [firstDataPage, pageCount) is in exactly one of these states:
 * <ol>
 *   <li>in use by the current tree (tree page or overflow page), or by the last checkpoint's
 *       free-list chain ({@link #freeListPages});
 *   <li>{@link #pool}: free now, reusable at once;
 *   <li>{@link #pending}: freed at some tree version; reusable once no reader walks an older version
 *       ({@link ReaderRegistry}) and, for pages the last checkpoint uses, once a newer checkpoint is
 *       durable;
 *   <li>{@link #freedDurable}: freed while the last durable checkpoint, or the one being written,
 *       uses them; they must keep their content until a checkpoint that does not use them is
 *       durable (shadow paging), then they move to {@link #pending};
 *   <li>{@link #heldForCheckpoint}: while a checkpoint is written, the pages freed before it began
 *       that the previous checkpoint uses: its completion releases them to {@link #pending}.
 * </ol>
 * {@link #fresh} marks pages allocated since the last checkpoint began: no durable checkpoint, nor
 * the one being written, uses them, so freeing one only waits for readers. A checkpoint begins
 * ({@link #checkpointBegins}) under the write lock and is then written while commits go on: the
 * pages of the tree it writes are no longer fresh, so any of them freed meanwhile waits for the
 * checkpoint after it. The integrity check verifies this accounting.
 *
 * <p>A page's life, with the method that moves it:
 * <pre>
 *   pool ──allocate()──► fresh, in use (dirty in the cache, or an overflow page on disk)
 *   in use, fresh ──free()──► pending(version) ──reclaim(), no older reader──► pool
 *   in use, durable ──free()──► freedDurable ──checkpointBegins()──► heldForCheckpoint
 *       ──checkpointed()──► pending(version) ──reclaim()──► pool
 *   heldForCheckpoint ──checkpointAborted()──► freedDurable (the checkpoint failed before its meta page)
 *   pool ──takeForFreeList()──► free-list page of the next checkpoint ──checkpointed() of the one after──► pending
 *   allocated by a commit that failed ──release()──► pool
 * </pre>
 */
final class FreeSpace {
    private record Pending(long version, LongList ids) {
    }

    private final Pager pager;
    private final ReaderRegistry readers;
    private final LongList pool = new LongList();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final LongList freedDurable = new LongList();
    private final LongList heldForCheckpoint = new LongList();
    private final BitSet fresh = new BitSet();
    private LongList freeListPages = new LongList();
    private long pageCount;

    FreeSpace(Pager pager, ReaderRegistry readers, long pageCount, LongList durableFree, LongList freeListPages) {
        this.pager = pager;
        this.readers = readers;
        this.pageCount = pageCount;
        this.pool.addAll(durableFree);
        this.freeListPages = freeListPages;
    }

    long pageCount() {
        return pageCount;
    }

    /** A page to write new content to: a reclaimed one if possible, else one past the end. */
    long allocate() {
        if (pool.isEmpty()) {
            reclaim();
        }
        long id;
        if (!pool.isEmpty()) {
            id = pool.removeLast();
        } else {
            id = pageCount++;
            pager.pageCount(pageCount);
        }
        fresh.set(Math.toIntExact(id));
        return id;
    }

    /** Gives back a page allocated by a commit that failed before it was published. */
    void release(long id) {
        pager.cache().discard(id);
        fresh.clear((int) id);
        pool.add(id);
    }

    /** Pages the commit that produced {@code version} no longer uses. */
    void free(LongList ids, long version) {
        LongList waiting = new LongList(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (fresh.get((int) id)) {
                fresh.clear((int) id);
                waiting.add(id);
            } else {
                freedDurable.add(id);
            }
        }
        if (!waiting.isEmpty()) {
            pending.addLast(new Pending(version, waiting));
        }
        assert checkInvariants();
    }

    /** Moves pending pages no reader can reach any more into the pool, dropping their cached images. */
    void reclaim() {
        if (pending.isEmpty()) {
            return;
        }
        long min = readers.minActive();
        while (!pending.isEmpty() && pending.peekFirst().version() <= min) {
            LongList ids = pending.pollFirst().ids();
            pager.cache().discardAll(ids);
            pool.addAll(ids);
        }
    }

    /** Takes a page for the next checkpoint's free list; from the pool, so the list must not name it. */
    long takeForFreeList() {
        long id = pool.isEmpty() ? pageCount++ : pool.removeLast();
        pager.pageCount(pageCount);
        return id;
    }

    /** Every page that is free in the tree about to be checkpointed (states 2-5 and the old free list). */
    LongList freeAfterCheckpoint() {
        LongList all = allFree();
        all.addAll(freeListPages);
        return all;
    }

    /**
     * A checkpoint of the current tree begins: what the last durable one uses and the tree has
     * freed is held until it completes, and the tree's pages are no longer fresh.
     */
    void checkpointBegins() {
        heldForCheckpoint.addAll(freedDurable);
        freedDurable.clear();
        fresh.clear();
        assert checkInvariants();
    }

    /** The checkpoint failed before its meta page: the last durable one still uses what was held. */
    void checkpointAborted() {
        freedDurable.addAll(heldForCheckpoint);
        heldForCheckpoint.clear();
        assert checkInvariants();
    }

    /**
     * The checkpoint that began last is durable: what it no longer uses (held pages, the previous
     * free list) may be reused once no reader of a version before {@code version}, its tree's, remains.
     */
    void checkpointed(long version, LongList newFreeListPages) {
        LongList released = new LongList(heldForCheckpoint.size() + freeListPages.size());
        released.addAll(heldForCheckpoint);
        released.addAll(freeListPages);
        if (!released.isEmpty()) {
            pending.addLast(new Pending(version, released));
        }
        heldForCheckpoint.clear();
        freeListPages = newFreeListPages;
        assert checkInvariants();
    }

    LongList freeListPages() {
        return freeListPages;
    }

    /** Every page in states 2-5, for the integrity check. */
    LongList allFree() {
        LongList all = new LongList(pool.size() + freedDurable.size() + heldForCheckpoint.size() + 16);
        all.addAll(pool);
        for (Pending p : pending) {
            all.addAll(p.ids());
        }
        all.addAll(freedDurable);
        all.addAll(heldForCheckpoint);
        return all;
    }

    /**
     * Checks the states of the class comment: every free id in range, in one state only, and no
     * page marked fresh while free. O(free pages); for {@code assert}, skipped for huge free lists.
     */
    boolean checkInvariants() {
        long total = freeCount() + freeListPages.size();
        if (total > 1_000_000) {
            return true;
        }
        BitSet seen = new BitSet();
        LongList all = allFree();
        all.addAll(freeListPages);
        long first = pager.firstDataPage();
        for (int i = 0; i < all.size(); i++) {
            long id = all.get(i);
            if (id < first || id >= pageCount) {
                throw new AssertionError("free page " + id + " outside [" + first + ", " + pageCount + ")");
            }
            if (seen.get((int) id)) {
                throw new AssertionError("page " + id + " is in two free states at once");
            }
            seen.set((int) id);
        }
        for (int i = 0; i < pool.size(); i++) {
            if (fresh.get((int) pool.get(i))) {
                throw new AssertionError("pooled page " + pool.get(i) + " is marked fresh");
            }
        }
        if (pager.pageCount() != pageCount) {
            throw new AssertionError("pager page count " + pager.pageCount() + " != " + pageCount);
        }
        return true;
    }

    long freeCount() {
        long n = pool.size() + freedDurable.size() + heldForCheckpoint.size();
        for (Pending p : pending) {
            n += p.ids().size();
        }
        return n;
    }
}
