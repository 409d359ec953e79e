package dev.lightningdb.engine.store.paged;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded page cache: page id to page image, with {@link ArcPolicy} choosing what stays.
 *
 * <p>Design notes.
 * <ol>
 *   <li>Lookups take no lock: {@link #get} is one {@link FrameTable} probe. The hit is
 *       recorded in a small lossy ring buffer and replayed into the ARC lists by whoever next holds
 *       the lock (the same scheme as Caffeine's read buffer). A page already waiting in the buffer
 *       is not recorded again, so a hit on a hot page costs one volatile read; repeated hits between
 *       two replays count as one, which ARC cannot tell from one (it only moves the page to the
 *       most recent end of T2). A hit lost when the ring wraps only makes ARC see one access fewer.
 *       Only one hit in {@value #HIT_SAMPLE}, chosen at random, is recorded at all: recording (an
 *       atomic increment, an atomic swap, a volatile flag) and replaying it (moving the entry to the
 *       most recent end of T2) cost a point read a measurable share of its time on a cache that
 *       holds every page (docs/storage.md, "Point reads"). ARC then sees a sample of the hits: a page hit k times is promoted to T2 with
 *       probability 1 - (7/8)^k, so pages read often still are, and a page read once (a scan)
 *       still is not; the order within T2 follows the sampled hits.
 *   <li>Page images are immutable once cached (pages are copy-on-write, see {@link PagedStore}), so
 *       a reader holding an image that is evicted meanwhile still reads correct bytes.
 *   <li>Dirty images (written since the last checkpoint, not yet on disk) are evicted like clean
 *       ones: eviction first writes them through {@link WriteBack}. This is safe because a dirty
 *       page always lives at a page id the last checkpoint does not use (shadow paging), so the
 *       write cannot damage it; it is what lets a load far larger than the cache run in bounded memory.
 *   <li>The map holds exactly the ids the policy calls resident, plus (after a failed write-back
 *       only) the dirty page whose write failed, so that its data is not lost.
 *   <li>All policy calls and evictions happen under {@code lock}; the lock is never held while
 *       waiting for anything but the eviction write.
 *   <li>Readers never wait for {@code lock}: the merger holds it to install the pages it writes
 *       and to write evicted pages back, and it runs at a low CPU priority, so a reader queued
 *       behind it waited for as long as the merger was descheduled (milliseconds). A reader that finds the lock busy
 *       keeps the page it loaded without caching it ({@link #offer}); the next read of that page
 *       loads it again, which costs a page read, not a wait.
 *   <li>Copy-on-write gives a rewritten page a new id, so to ARC it is a new page (T1); the old id
 *       is {@link #discard}ed when its page is reused. Pages that are read but not rewritten (most
 *       of a large tree) age through T1/T2 as the policy intends.
 * </ol>
 */
final class PageCache {
    /** Writes a dirty page image to its place in the file. */
    interface WriteBack {
        void write(long pageId, byte[] page);
    }

    static final class Frame {
        final long pageId;
        final byte[] data;
        volatile boolean dirty;
        /** In the hit buffer, not yet replayed: further hits need not be recorded (note 1). */
        volatile boolean queued;

        Frame(long pageId, byte[] data, boolean dirty) {
            this.pageId = pageId;
            this.data = data;
            this.dirty = dirty;
        }
    }

    private static final int HIT_BUFFER = 256;
    /** One hit in this many is recorded for ARC (note 1). */
    private static final int HIT_SAMPLE = 8;

    private final FrameTable frames;
    private final ArcPolicy policy;
    private final WriteBack writeBack;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReferenceArray<Frame> hitBuffer = new AtomicReferenceArray<>(HIT_BUFFER);
    private final AtomicInteger hitCursor = new AtomicInteger();
    /** Hit-cursor position up to which hits were replayed; guarded by lock. */
    private int drained;
    /** Installs so far, to sample the O(n) invariant check; guarded by lock. */
    private int installs;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder writeBacks = new LongAdder();
    private final LongAdder uncachedLoads = new LongAdder();

    PageCache(int capacityPages, WriteBack writeBack) {
        this.policy = new ArcPolicy(capacityPages);
        this.frames = new FrameTable(capacityPages + 16);
        this.writeBack = writeBack;
    }

    /** The cached image of a page, or null (counted as a miss: a reader loads the page and {@link #offer}s it). */
    byte[] get(long pageId) {
        Frame f = frames.get(pageId);
        if (f == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        if (f.queued || (ThreadLocalRandom.current().nextInt() & (HIT_SAMPLE - 1)) != 0) {
            return f.data;
        }
        f.queued = true;
        int i = hitCursor.getAndIncrement() & (HIT_BUFFER - 1);
        Frame overwritten = hitBuffer.getAndSet(i, f);
        if (overwritten != null) {
            overwritten.queued = false; // lost when the ring wrapped
        }
        if (i == HIT_BUFFER - 1 && lock.tryLock()) {
            try {
                drainHits();
            } finally {
                lock.unlock();
            }
        }
        return f.data;
    }

    /**
     * Adds a page image. A clean image loaded by a reader yields to one another thread installed
     * first; a dirty one (a new page) always replaces.
     *
     * @return the image now cached for {@code pageId}
     */
    byte[] install(long pageId, byte[] data, boolean dirty) {
        lock.lock();
        try {
            return installLocked(pageId, data, dirty);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A reader's {@link #install} of a clean image it loaded: never waits for the lock (note 5).
     * When another thread holds it, the image is returned uncached, or the one a thread cached
     * meanwhile (which a dirty image must win, note 4), and {@code cache.uncachedLoads} counts it.
     */
    byte[] offer(long pageId, byte[] data) {
        if (!lock.tryLock()) {
            uncachedLoads.increment();
            Frame cached = frames.get(pageId);
            return cached != null ? cached.data : data;
        }
        try {
            return installLocked(pageId, data, false);
        } finally {
            lock.unlock();
        }
    }

    private byte[] installLocked(long pageId, byte[] data, boolean dirty) {
        drainHits();
        Frame existing = frames.get(pageId);
        if (existing != null && existing.dirty && !dirty) {
            return existing.data; // never let a disk image replace unwritten data (note 4)
        }
        if (existing != null && policy.isResident(pageId)) {
            if (!dirty) {
                return existing.data;
            }
            frames.put(new Frame(pageId, data, true));
            policy.hit(pageId);
            return data;
        }
        long victim = policy.admit(pageId);
        frames.put(new Frame(pageId, data, dirty));
        if (victim != ArcPolicy.NONE) {
            evict(victim);
        }
        assert (++installs & 1023) != 0 || checkInvariants();
        return data;
    }

    private void evict(long victim) {
        Frame f = frames.get(victim);
        if (f == null) {
            return;
        }
        if (f.dirty) {
            writeBack.write(victim, f.data); // on failure the frame stays mapped (note 4)
            f.dirty = false;
            writeBacks.increment();
        }
        frames.remove(victim, f);
        evictions.increment();
    }

    /** Drops a page without writing it: its page id was freed and is about to be reused. */
    void discard(long pageId) {
        lock.lock();
        try {
            drainHits();
            policy.remove(pageId);
            frames.remove(pageId, null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Note 4: every cached frame is resident in the policy, or dirty (kept after a failed
     * write-back); the resident count is within capacity. O(cached pages); caller holds the lock.
     */
    boolean checkInvariants() {
        int[] resident = new int[1];
        frames.forEach(f -> {
            if (policy.isResident(f.pageId)) {
                resident[0]++;
            } else if (!f.dirty) {
                throw new AssertionError("cached page " + f.pageId + " is neither resident in ARC nor dirty");
            }
        });
        if (resident[0] != policy.t1Size() + policy.t2Size() || resident[0] > policy.capacity()) {
            throw new AssertionError("cache holds " + resident[0] + " resident pages, ARC counts "
                    + (policy.t1Size() + policy.t2Size()) + " of capacity " + policy.capacity());
        }
        return policy.checkInvariants();
    }

    /** {@link #discard} for many pages under one lock acquisition. */
    void discardAll(LongList pageIds) {
        lock.lock();
        try {
            drainHits();
            for (int i = 0; i < pageIds.size(); i++) {
                policy.remove(pageIds.get(i));
                frames.remove(pageIds.get(i), null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes every dirty page; they stay cached, now clean. */
    void flushDirty() {
        writeFrames(dirtyFrames(new java.util.BitSet()));
    }

    /**
     * The dirty frames of pages not in {@code free}, in page order: what a checkpoint writes. A
     * freed page's image need not reach the disk, and must not once its id may be reused.
     */
    List<Frame> dirtyFrames(java.util.BitSet free) {
        List<Frame> dirty = new ArrayList<>();
        lock.lock(); // no table growth under the walk
        try {
            frames.forEach(f -> {
                if (f.dirty && !free.get(Math.toIntExact(f.pageId))) {
                    dirty.add(f);
                }
            });
        } finally {
            lock.unlock();
        }
        dirty.sort((a, b) -> Long.compare(a.pageId, b.pageId)); // sequential writes
        return dirty;
    }

    /**
     * Writes the frames still dirty; they stay cached, now clean. Safe beside eviction, which may
     * write the same frame: both write the same image to the same page, and a frame is marked
     * clean only after its write returned.
     */
    void writeFrames(List<Frame> dirty) {
        for (Frame f : dirty) {
            if (f.dirty) {
                writeBack.write(f.pageId, f.data);
                f.dirty = false;
                writeBacks.increment();
            }
        }
    }

    /** The cached frame for a page, without counting a hit (for the integrity check). */
    Frame peek(long pageId) {
        return frames.get(pageId);
    }

    void clear() {
        lock.lock();
        try {
            frames.forEach(f -> policy.remove(f.pageId));
            frames.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Replays the hits recorded since the last drain into the policy; caller holds the lock. */
    private void drainHits() {
        int end = hitCursor.get();
        int start = end - drained > HIT_BUFFER || end - drained < 0 ? end - HIT_BUFFER : drained;
        for (int c = start; c != end; c++) {
            Frame f = hitBuffer.getAndSet(c & (HIT_BUFFER - 1), null);
            if (f != null) {
                f.queued = false;
                if (frames.get(f.pageId) == f) {
                    policy.hit(f.pageId);
                }
            }
        }
        drained = end;
    }

    int capacityPages() {
        return policy.capacity();
    }

    int residentPages() {
        return frames.size();
    }

    long dirtyPages() {
        long[] n = new long[1];
        frames.forEach(f -> {
            if (f.dirty) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** Counters for {@link PagedStore#stats()}. */
    void addStats(java.util.Map<String, Long> m) {
        m.put("cache.hits", hits.sum());
        m.put("cache.misses", misses.sum());
        m.put("cache.evictions", evictions.sum());
        m.put("cache.writeBacks", writeBacks.sum());
        m.put("cache.uncachedLoads", uncachedLoads.sum());
        m.put("cache.capacityPages", (long) policy.capacity());
        m.put("cache.residentPages", (long) frames.size());
        lock.lock();
        try {
            m.put("cache.arc.t1", (long) policy.t1Size());
            m.put("cache.arc.t2", (long) policy.t2Size());
            m.put("cache.arc.b1", (long) policy.b1Size());
            m.put("cache.arc.b2", (long) policy.b2Size());
            m.put("cache.arc.target", (long) policy.target());
        } finally {
            lock.unlock();
        }
    }
}
