package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.KeyRange;
import dev.lightningdb.engine.store.WriteSet;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The write buffer: recent commits in memory, sorted by key, each key with its versions newest
 * first ({@link Version}). Commits land here instead of rewriting B+Tree pages one by one; the
 * buffer is merged into the tree whole when it is full or at a checkpoint ({@link VersionedStore}).
 *
 * <p>Invariants: only one thread adds (the commit lock holder), and only while the table is the
 * active one; once frozen it never changes again. Versions of a key are strictly newest first, and
 * a version is fully built before it becomes reachable (readers take no lock: a reader that finds a
 * version newer than its snapshot walks to an older one).
 */
final class MemTable {
    /** Rough heap cost of one version beyond its key and value bytes (map node, index, Version object). */
    static final int ENTRY_OVERHEAD = 96;

    private final ConcurrentSkipListMap<byte[], Version> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private volatile long bytes;
    private volatile long versions;
    private volatile long maxTs;
    private volatile long maxLsn;
    /** The table that became active when this one was frozen; null while this one is active. */
    private volatile MemTable successor;

    /** Adds every write of a commit at timestamp {@code ts} (the commit lock holder only). */
    void add(Iterable<Map.Entry<byte[], byte[]>> writes, long ts, long lsn) {
        long b = bytes;
        long n = versions;
        for (Map.Entry<byte[], byte[]> e : writes) {
            byte[] key = e.getKey();
            Version older = map.get(key);
            map.put(key, new Version(ts, e.getValue(), older));
            b += (older == null ? key.length : 0) + e.getValue().length + ENTRY_OVERHEAD;
            n++;
        }
        bytes = b;
        versions = n;
        maxTs = ts;
        maxLsn = Math.max(maxLsn, lsn);
    }

    /** The newest version of {@code key}, or null when this table holds none. */
    Version newest(byte[] key) {
        return map.get(key);
    }

    /** Newest versions in range order; a version may be newer than a reader's snapshot. */
    Iterator<Map.Entry<byte[], Version>> range(KeyRange range, boolean reverse) {
        NavigableMap<byte[], Version> m = map;
        byte[] lo = range.lower();
        byte[] hi = range.upper();
        if (lo != null && hi != null) {
            int c = Arrays.compareUnsigned(lo, hi);
            if (c > 0 || (c == 0 && !(range.lowerInclusive() && range.upperInclusive()))) {
                return java.util.Collections.emptyIterator();
            }
            m = m.subMap(lo, range.lowerInclusive(), hi, range.upperInclusive());
        } else if (lo != null) {
            m = m.tailMap(lo, range.lowerInclusive());
        } else if (hi != null) {
            m = m.headMap(hi, range.upperInclusive());
        }
        return (reverse ? m.descendingMap() : m).entrySet().iterator();
    }

    /** The newest value of every key in key order (a delete as {@link WriteSet#TOMBSTONE}); for a frozen table. */
    Iterable<Map.Entry<byte[], byte[]>> newestValues() {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<byte[], Version>> it = map.entrySet().iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Map.Entry<byte[], byte[]> next() {
                Map.Entry<byte[], Version> e = it.next();
                return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value());
            }
        };
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    long versions() {
        return versions;
    }

    /** Timestamp of the newest commit held; 0 when empty. */
    long maxTs() {
        return maxTs;
    }

    /** LSN of the newest WAL record held; 0 when empty or without a log. */
    long maxLsn() {
        return maxLsn;
    }

    MemTable successor() {
        return successor;
    }

    void freeze(MemTable next) {
        successor = next;
    }
}
