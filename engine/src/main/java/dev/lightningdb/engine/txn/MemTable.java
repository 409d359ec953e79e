package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.store.WriteSet;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The write buffer: recent commits in memory, sorted by key, each key with its versions newest
 * first ({@link Version}). Commits land here instead of rewriting B+Tree pages one by one; the
 * buffer is merged into the tree whole when it is full or at a checkpoint ({@link VersionedStore}).
 * The versions live in an {@link ArenaSkipList}, so that the garbage collector sees a few large
 * arrays per table rather than several objects per version.
 *
 * <p>Invariants: only one thread adds (the commit lock holder), and only while the table is the
 * active one; once frozen it never changes again. Versions of a key are strictly newest first, and
 * a version is fully built before it becomes reachable (readers take no lock: a reader that finds a
 * version newer than its snapshot walks to an older one).
 */
final class MemTable {
    /** Bytes a version takes beyond its key and value (node header and skip-list links, on average). */
    static final int ENTRY_OVERHEAD = 40;

    private final ArenaSkipList list = new ArenaSkipList();
    private final KeyIndex index;
    /** Bytes, versions, newest timestamp and LSN: written on every commit, so off the readers' cache lines. */
    private final PaddedLongs counters = new PaddedLongs(4);
    private static final int BYTES = 0;
    private static final int VERSIONS = 1;
    private static final int MAX_TS = 2;
    private static final int MAX_LSN = 3;
    /** The table that became active when this one was frozen; null while this one is active. */
    private volatile MemTable successor;
    /** The buffer's filter, which this table marks its keys in; null: none (the table is always asked). */
    private final TableFilter filter;
    private final long seq;
    /** This table's bit in the filter; -1: none. */
    private final int slot;

    /** A table expected to hold about {@code expectedBytes} (sizes its key index; it grows past that). */
    MemTable(long expectedBytes) {
        this(expectedBytes, null);
    }

    /** A table that marks its keys in {@code filter} (null: none), taking the filter's next sequence number and a slot. */
    MemTable(long expectedBytes, TableFilter filter) {
        this.index = new KeyIndex(list, (int) Math.min(1 << 24, expectedBytes / 128));
        this.filter = filter;
        this.seq = filter == null ? 0 : filter.nextSeq();
        this.slot = filter == null ? -1 : filter.takeSlot();
    }

    /** Adds every write of a commit at timestamp {@code ts} (the commit lock holder only). */
    void add(Iterable<Map.Entry<byte[], byte[]>> writes, long ts, long lsn) {
        long b = counters.get(BYTES);
        long n = counters.get(VERSIONS);
        for (Map.Entry<byte[], byte[]> e : writes) {
            byte[] key = e.getKey();
            byte[] value = e.getValue();
            boolean delete = WriteSet.isTombstone(value);
            long hash = KeyIndex.hash(key);
            long node = list.insert(key, ts, value, delete);
            index.put(key, hash, node); // before the commit is published
            if (filter != null) {
                filter.add(hash, slot, node);
            }
            b += key.length + value.length + ENTRY_OVERHEAD;
            n++;
        }
        counters.setVolatile(BYTES, b);
        counters.setVolatile(VERSIONS, n);
        counters.setVolatile(MAX_TS, ts);
        counters.setVolatile(MAX_LSN, Math.max(counters.get(MAX_LSN), lsn));
    }

    /** The newest version of {@code key}, or null when this table holds none. */
    Version newest(byte[] key) {
        return newest(key, KeyIndex.hash(key));
    }

    /** {@link #newest(byte[])} with the key's {@link KeyIndex#hash}, computed once by a caller that asks several tables. */
    Version newest(byte[] key, long hash) {
        long n = index.get(key, hash);
        return n == 0 ? null : new Version(list, n);
    }

    /** The version at {@code node} of this table's list (a {@link TableFilter} hint) if it is one of {@code key}'s, else null. */
    Version versionIfKey(long node, byte[] key) {
        return list.compareKey(node, key) == 0 ? new Version(list, node) : null;
    }

    /** {@link #newest(byte[], long)} for a table that probably holds the key ({@link KeyIndex#getLikely}). */
    Version newestLikely(byte[] key, long hash) {
        long n = index.getLikely(key, hash);
        return n == 0 ? null : new Version(list, n);
    }

    /** Newest versions in range order; a version may be newer than a reader's snapshot. */
    Iterator<Map.Entry<byte[], Version>> range(KeyRange range, boolean reverse) {
        byte[] lo = range.lower();
        byte[] hi = range.upper();
        if (lo != null && hi != null) {
            int c = Arrays.compareUnsigned(lo, hi);
            if (c > 0 || (c == 0 && !(range.lowerInclusive() && range.upperInclusive()))) {
                return Collections.emptyIterator();
            }
        }
        return reverse ? new Backward(range) : new Forward(range);
    }

    /** A walk over the newest version of each key: {@code node} is the next one to return (0: done). */
    private abstract class Walk implements Iterator<Map.Entry<byte[], Version>> {
        long node;

        /** Moves {@code node} past the entry just taken. */
        abstract void step();

        byte[] key() {
            return list.key(node);
        }

        @Override
        public boolean hasNext() {
            return node != 0;
        }

        @Override
        public Map.Entry<byte[], Version> next() {
            if (node == 0) {
                throw new NoSuchElementException();
            }
            Map.Entry<byte[], Version> e = new AbstractMap.SimpleImmutableEntry<>(key(), new Version(list, node));
            step();
            return e;
        }
    }

    /** Walks newest versions upwards from the range's lower end. */
    private final class Forward extends Walk {
        private final KeyRange range;

        Forward(KeyRange range) {
            this.range = range;
            byte[] lo = range.lower();
            long n = lo == null ? list.first() : range.lowerInclusive() ? list.seek(lo) : list.seekAfter(lo);
            node = bounded(n);
        }

        private long bounded(long n) {
            byte[] hi = range.upper();
            if (n == 0 || hi == null) {
                return n;
            }
            int c = list.compareKey(n, hi);
            return c < 0 || (c == 0 && range.upperInclusive()) ? n : 0;
        }

        @Override
        void step() {
            node = bounded(list.nextKey(node));
        }
    }

    /** Walks newest versions downwards from the range's upper end. */
    private final class Backward extends Walk {
        private final KeyRange range;
        private byte[] key;

        Backward(KeyRange range) {
            this.range = range;
            byte[] hi = range.upper();
            long n;
            if (hi == null) {
                n = list.newestBefore(null);
            } else {
                n = range.upperInclusive() ? list.seek(hi) : 0;
                if (n == 0 || list.compareKey(n, hi) != 0) {
                    n = list.newestBefore(hi);
                }
            }
            settle(n);
        }

        private void settle(long n) {
            byte[] lo = range.lower();
            if (n != 0 && lo != null) {
                int c = list.compareKey(n, lo);
                if (c < 0 || (c == 0 && !range.lowerInclusive())) {
                    n = 0;
                }
            }
            node = n;
            key = n == 0 ? null : list.key(n);
        }

        @Override
        byte[] key() {
            return key;
        }

        @Override
        void step() {
            settle(list.newestBefore(key));
        }
    }

    /** The newest value of every key in key order (a delete as {@link WriteSet#TOMBSTONE}); for a frozen table. */
    Iterable<Map.Entry<byte[], byte[]>> newestValues() {
        return () -> new Iterator<>() {
            private long node = list.first();

            @Override
            public boolean hasNext() {
                return node != 0;
            }

            @Override
            public Map.Entry<byte[], byte[]> next() {
                if (node == 0) {
                    throw new NoSuchElementException();
                }
                long n = node;
                node = list.nextKey(n);
                return new AbstractMap.SimpleImmutableEntry<>(list.key(n), list.isDelete(n) ? WriteSet.TOMBSTONE : list.value(n));
            }
        };
    }

    boolean isEmpty() {
        return list.first() == 0;
    }

    long bytes() {
        return counters.getVolatile(BYTES);
    }

    long versions() {
        return counters.getVolatile(VERSIONS);
    }

    /** Timestamp of the newest commit held; 0 when empty. */
    long maxTs() {
        return counters.getVolatile(MAX_TS);
    }

    /** LSN of the newest WAL record held; 0 when empty or without a log. */
    long maxLsn() {
        return counters.getVolatile(MAX_LSN);
    }

    TableFilter filter() {
        return filter;
    }

    /** Order of creation among the tables of one buffer (0 without a filter). */
    long seq() {
        return seq;
    }

    int slot() {
        return slot;
    }

    /** Whether this table may hold a key whose filter word is {@code tables} ({@link TableFilter#tables}). */
    boolean mayHold(long tables) {
        return slot < 0 || (tables & (1L << slot)) != 0;
    }

    MemTable successor() {
        return successor;
    }

    void freeze(MemTable next) {
        successor = next;
    }
}
