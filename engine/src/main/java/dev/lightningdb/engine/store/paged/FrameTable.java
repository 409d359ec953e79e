package dev.lightningdb.engine.store.paged;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Page id to cached {@link PageCache.Frame}: open addressing with linear probing over a power-of-two
 * array, so a lookup neither boxes the id nor takes a lock.
 *
 * <p>Concurrency: {@link #get} runs in any thread without a lock; every change runs under the
 * page cache's lock. Removal leaves a tombstone (never shifts entries), so a concurrent lookup can
 * only miss an entry that is being added or was just removed. Both are safe for the page cache: a
 * frame is added before the tree version that reaches it is published, and a dirty frame is written
 * to disk before it is removed. Growth builds a new array and publishes it whole.
 *
 * <p>Invariant: live entries plus tombstones never exceed three quarters of the array, so every
 * probe sequence reaches an empty slot.
 */
final class FrameTable {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(PageCache.Frame[].class);
    private static final PageCache.Frame TOMBSTONE = new PageCache.Frame(-1, new byte[0], false);

    private volatile PageCache.Frame[] table;
    private int live;
    private int used;

    FrameTable(int expected) {
        table = new PageCache.Frame[Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2)];
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    PageCache.Frame get(long id) {
        PageCache.Frame[] t = table;
        int mask = t.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            PageCache.Frame f = (PageCache.Frame) SLOT.getAcquire(t, i);
            if (f == null) {
                return null;
            }
            if (f.pageId == id && f != TOMBSTONE) {
                return f;
            }
        }
    }

    /** Adds or replaces the frame for its page id. Caller holds the cache lock. */
    void put(PageCache.Frame frame) {
        PageCache.Frame[] t = table;
        int mask = t.length - 1;
        int free = -1;
        for (int i = slot(frame.pageId, mask); ; i = (i + 1) & mask) {
            PageCache.Frame f = t[i];
            if (f == null) {
                if (free < 0) {
                    free = i;
                    used++;
                }
                break;
            }
            if (f == TOMBSTONE) {
                if (free < 0) {
                    free = i;
                }
            } else if (f.pageId == frame.pageId) {
                SLOT.setRelease(t, i, frame);
                return;
            }
        }
        SLOT.setRelease(t, free, frame);
        live++;
        if (used * 4L > t.length * 3L) {
            rebuild(live * 4 > t.length ? t.length * 2 : t.length);
        }
    }

    /** Removes the page's frame (only if it is {@code expected}, when that is not null). Caller holds the lock. */
    boolean remove(long id, PageCache.Frame expected) {
        PageCache.Frame[] t = table;
        int mask = t.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            PageCache.Frame f = t[i];
            if (f == null) {
                return false;
            }
            if (f != TOMBSTONE && f.pageId == id) {
                if (expected != null && f != expected) {
                    return false;
                }
                SLOT.setRelease(t, i, TOMBSTONE);
                live--;
                return true;
            }
        }
    }

    private void rebuild(int capacity) {
        PageCache.Frame[] old = table;
        PageCache.Frame[] t = new PageCache.Frame[capacity];
        int mask = capacity - 1;
        for (PageCache.Frame f : old) {
            if (f != null && f != TOMBSTONE) {
                int i = slot(f.pageId, mask);
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = f;
            }
        }
        used = live;
        table = t; // volatile publication of a complete array
    }

    /** Removes everything. Caller holds the lock. */
    void clear() {
        table = new PageCache.Frame[16];
        live = 0;
        used = 0;
    }

    int size() {
        return live;
    }

    /** Visits a snapshot of the live frames. */
    void forEach(Consumer<PageCache.Frame> action) {
        for (PageCache.Frame f : table) {
            if (f != null && f != TOMBSTONE) {
                action.accept(f);
            }
        }
    }
}
