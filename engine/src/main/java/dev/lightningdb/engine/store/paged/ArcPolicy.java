package dev.lightningdb.engine.store.paged;

import java.util.HashMap;

/**
 * The Adaptive Replacement Cache policy (Megiddo and Modha, "ARC: A Self-Tuning, Low Overhead
 * Replacement Cache", FAST 2003) over page ids. It decides which pages stay resident; {@link
 * PageCache} holds the pages and calls it under its lock. Not thread-safe.
 *
 * <p>Four LRU lists: T1 (resident, seen once recently), T2 (resident, seen at least twice), B1 and
 * B2 (ghosts: ids recently evicted from T1 and T2, without data). A ghost hit in B1 means recency
 * was undervalued and raises the target size {@code p} of T1; a ghost hit in B2 lowers it.
 *
 * <p>Invariants ({@link #checkInvariants()}):
 * <ol>
 *   <li>Every id is in at most one list; the index maps exactly the ids of the four lists.
 *   <li>|T1| + |T2| <= c (the capacity in pages).
 *   <li>|T1| + |B1| <= c and |T1| + |T2| + |B1| + |B2| <= 2c.
 *   <li>0 <= p <= c.
 * </ol>
 * One deviation from the paper: ids can be {@link #remove}d (a freed page), so the cache may be
 * below capacity with full ghost lists; REPLACE then runs only when the resident lists are full.
 */
final class ArcPolicy {
    /** Returned by {@link #admit} when nothing had to leave. */
    public static final long NONE = -1;

    private static final byte T1 = 0;
    private static final byte T2 = 1;
    private static final byte B1 = 2;
    private static final byte B2 = 3;

    private static final class Entry {
        final long key;
        byte list;
        Entry prev;
        Entry next;

        Entry(long key) {
            this.key = key;
        }
    }

    /** A doubly linked LRU list: head is least recently used, tail most. */
    private static final class Lru {
        Entry head;
        Entry tail;
        int size;

        void addMru(Entry e) {
            e.prev = tail;
            e.next = null;
            if (tail == null) {
                head = e;
            } else {
                tail.next = e;
            }
            tail = e;
            size++;
        }

        void unlink(Entry e) {
            if (e.prev == null) {
                head = e.next;
            } else {
                e.prev.next = e.next;
            }
            if (e.next == null) {
                tail = e.prev;
            } else {
                e.next.prev = e.prev;
            }
            e.prev = null;
            e.next = null;
            size--;
        }
    }

    private final int capacity;
    private final Lru[] lists = {new Lru(), new Lru(), new Lru(), new Lru()};
    private final HashMap<Long, Entry> index = new HashMap<>();
    private int p;

    public ArcPolicy(int capacityPages) {
        if (capacityPages < 1) {
            throw new IllegalArgumentException("capacity must be at least one page, got " + capacityPages);
        }
        this.capacity = capacityPages;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isResident(long key) {
        Entry e = index.get(key);
        return e != null && (e.list == T1 || e.list == T2);
    }

    /** A hit on a resident id: it moves to the most recent end of T2 (case I of the paper). */
    public void hit(long key) {
        Entry e = index.get(key);
        if (e == null || e.list == B1 || e.list == B2) {
            return;
        }
        move(e, T2);
        assert checkInvariants();
    }

    /**
     * Makes a non-resident id resident (cases II-IV of the paper).
     *
     * @return the resident id that must leave the cache to make room, or {@link #NONE}
     */
    public long admit(long key) {
        Entry e = index.get(key);
        long victim = NONE;
        if (e != null && (e.list == T1 || e.list == T2)) {
            hit(key);
            return NONE;
        }
        int t1 = lists[T1].size;
        int t2 = lists[T2].size;
        int b1 = lists[B1].size;
        int b2 = lists[B2].size;
        if (e != null && e.list == B1) {
            p = Math.min(capacity, p + Math.max(b2 / b1, 1));
            if (t1 + t2 >= capacity) {
                victim = replace(false);
            }
            move(e, T2);
        } else if (e != null && e.list == B2) {
            p = Math.max(0, p - Math.max(b1 / b2, 1));
            if (t1 + t2 >= capacity) {
                victim = replace(true);
            }
            move(e, T2);
        } else {
            if (t1 + b1 >= capacity) {
                if (t1 < capacity) {
                    drop(lists[B1].head);
                    if (t1 + t2 >= capacity) {
                        victim = replace(false);
                    }
                } else {
                    Entry lru = lists[T1].head;
                    victim = lru.key;
                    drop(lru);
                }
            } else if (t1 + t2 + b1 + b2 >= capacity) {
                if (t1 + t2 + b1 + b2 >= 2 * capacity) {
                    drop(lists[B2].head);
                }
                if (t1 + t2 >= capacity) {
                    victim = replace(false);
                }
            }
            Entry fresh = new Entry(key);
            fresh.list = T1;
            lists[T1].addMru(fresh);
            index.put(key, fresh);
        }
        assert checkInvariants();
        return victim;
    }

    /** Forgets an id entirely (its page was freed); no ghost is kept. */
    public void remove(long key) {
        Entry e = index.get(key);
        if (e != null) {
            drop(e);
        }
    }

    /** REPLACE of the paper: demotes the LRU of T1 or T2 to its ghost list and returns its id. */
    private long replace(boolean inB2) {
        int t1 = lists[T1].size;
        Entry victim;
        if (t1 > 0 && (t1 > p || (inB2 && t1 == p))) {
            victim = lists[T1].head;
            move(victim, B1);
        } else {
            victim = lists[T2].head;
            if (victim == null) {
                victim = lists[T1].head;
                move(victim, B1);
                return victim.key;
            }
            move(victim, B2);
        }
        return victim.key;
    }

    private void move(Entry e, byte to) {
        lists[e.list].unlink(e);
        e.list = to;
        lists[to].addMru(e);
    }

    private void drop(Entry e) {
        lists[e.list].unlink(e);
        index.remove(e.key);
    }

    public int t1Size() {
        return lists[T1].size;
    }

    public int t2Size() {
        return lists[T2].size;
    }

    public int b1Size() {
        return lists[B1].size;
    }

    public int b2Size() {
        return lists[B2].size;
    }

    /** The adaptive target size of T1. */
    public int target() {
        return p;
    }

    /** Checks the numbered invariants of the class; for {@code assert}. */
    public boolean checkInvariants() {
        int t1 = lists[T1].size;
        int t2 = lists[T2].size;
        int b1 = lists[B1].size;
        int b2 = lists[B2].size;
        if (t1 + t2 + b1 + b2 != index.size()) {
            throw new AssertionError("invariant 1: lists hold " + (t1 + t2 + b1 + b2) + " ids, index " + index.size());
        }
        if (t1 + t2 > capacity) {
            throw new AssertionError("invariant 2: resident " + (t1 + t2) + " > capacity " + capacity);
        }
        if (t1 + b1 > capacity || t1 + t2 + b1 + b2 > 2 * capacity) {
            throw new AssertionError("invariant 3: T1 " + t1 + " B1 " + b1 + " T2 " + t2 + " B2 " + b2 + " capacity " + capacity);
        }
        if (p < 0 || p > capacity) {
            throw new AssertionError("invariant 4: p = " + p);
        }
        return true;
    }
}
