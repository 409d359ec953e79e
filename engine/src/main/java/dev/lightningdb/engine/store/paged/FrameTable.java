package dev.lightningdb.engine.store.paged;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Page id to cached {@link PageCache.Frame}: open addressing with linear probing over two parallel
 * power-of-two arrays (ids and frames), so a lookup neither boxes the id, nor takes a lock, nor
 * touches a frame other than the one it finds.
 *
 * <p>Concurrency: {@link #get} runs in any thread without a lock; every change runs under the
 * page cache's lock. A slot's frame is stored before its id (release/acquire), so a reader that
 * sees an id sees its frame, and it checks the frame's own id in case the slot was reused. Removal
 * marks the id slot {@link #GONE} (never shifts entries), so a concurrent lookup can only miss an
 * entry that is being added or was just removed. Both are safe for the page cache: a frame is
 * added before the tree version that reaches it is published, and a dirty frame is written to disk
 * before it is removed. Growth builds new arrays and publishes them together.
 *
 * <p>Invariant: live plus removed slots never exceed three quarters of the arrays, so every probe
 * sequence reaches an empty slot. Id 0 marks an empty slot (page 0 is never a data page).
 */
final class FrameTable {
    private static final VarHandle IDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle FRAMES = MethodHandles.arrayElementVarHandle(PageCache.Frame[].class);
    private static final long EMPTY = 0;
    private static final long GONE = -1;

    private static final class Table {
        final long[] ids;
        final PageCache.Frame[] frames;

        Table(int capacity) {
            ids = new long[capacity];
            frames = new PageCache.Frame[capacity];
        }
    }

    private volatile Table table;
    private int live;
    private int used;

    FrameTable(int expected) {
        table = new Table(Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2));
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    PageCache.Frame get(long id) {
        Table t = table;
        int mask = t.ids.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = (long) IDS.getAcquire(t.ids, i);
            if (k == EMPTY) {
                return null;
            }
            if (k == id) {
                PageCache.Frame f = (PageCache.Frame) FRAMES.getAcquire(t.frames, i);
                if (f != null && f.pageId == id) {
                    return f;
                }
            }
        }
    }

    /** Adds or replaces the frame for its page id. Caller holds the cache lock. */
    void put(PageCache.Frame frame) {
        assert frame.pageId > 0;
        Table t = table;
        int mask = t.ids.length - 1;
        int free = -1;
        for (int i = slot(frame.pageId, mask); ; i = (i + 1) & mask) {
            long k = t.ids[i];
            if (k == EMPTY) {
                if (free < 0) {
                    free = i;
                    used++;
                }
                break;
            }
            if (k == GONE) {
                if (free < 0) {
                    free = i;
                }
            } else if (k == frame.pageId) {
                FRAMES.setRelease(t.frames, i, frame);
                return;
            }
        }
        FRAMES.setRelease(t.frames, free, frame);
        IDS.setRelease(t.ids, free, frame.pageId);
        live++;
        if (used * 4L > t.ids.length * 3L) {
            rebuild(live * 4 > t.ids.length ? t.ids.length * 2 : t.ids.length);
        }
        assert checkInvariants();
    }

    /** The class invariant, O(1); for {@code assert}. */
    boolean checkInvariants() {
        int length = table.ids.length;
        if (live < 0 || live > used || used * 4L > length * 3L || Integer.bitCount(length) != 1) {
            throw new AssertionError("frame table: live " + live + ", used " + used + ", length " + length);
        }
        return true;
    }

    /** Removes the page's frame (only if it is {@code expected}, when that is not null). Caller holds the lock. */
    boolean remove(long id, PageCache.Frame expected) {
        Table t = table;
        int mask = t.ids.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = t.ids[i];
            if (k == EMPTY) {
                return false;
            }
            if (k == id) {
                if (expected != null && t.frames[i] != expected) {
                    return false;
                }
                IDS.setRelease(t.ids, i, GONE);
                FRAMES.setRelease(t.frames, i, null);
                live--;
                return true;
            }
        }
    }

    private void rebuild(int capacity) {
        Table old = table;
        Table t = new Table(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < old.ids.length; j++) {
            long k = old.ids[j];
            if (k != EMPTY && k != GONE) {
                int i = slot(k, mask);
                while (t.ids[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                t.ids[i] = k;
                t.frames[i] = old.frames[j];
            }
        }
        used = live;
        table = t; // volatile publication of complete arrays
    }

    /** Removes everything. Caller holds the lock. */
    void clear() {
        table = new Table(16);
        live = 0;
        used = 0;
    }

    int size() {
        return live;
    }

    /** Visits a snapshot of the live frames. */
    void forEach(Consumer<PageCache.Frame> action) {
        Table t = table;
        for (int i = 0; i < t.frames.length; i++) {
            PageCache.Frame f = t.frames[i];
            if (f != null) {
                action.accept(f);
            }
        }
    }
}
