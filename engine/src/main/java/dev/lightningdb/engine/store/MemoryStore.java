package dev.lightningdb.engine.store;

import dev.lightningdb.engine.Cursor;
import dev.lightningdb.engine.IntegrityReport;
import dev.lightningdb.engine.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * An ordered in-memory store on a skip list: the store of {@code mem:} databases until the paged
 * store takes over, and the reference the paged store is tested against.
 *
 * <p>Readers take no lock. A scan running while a batch is applied may see part of that batch;
 * point reads see each key either before or after. (Multi-version reads remove this.)
 */
public class MemoryStore implements Store {
    protected final ConcurrentSkipListMap<byte[], byte[]> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final LongAdder gets = new LongAdder();
    private final LongAdder scans = new LongAdder();
    private final LongAdder commits = new LongAdder();

    @Override
    public byte[] get(byte[] key) {
        gets.increment();
        byte[] v = map.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public Cursor scan(KeyRange range, boolean reverse) {
        scans.increment();
        ConcurrentNavigableMap<byte[], byte[]> m = map;
        byte[] lo = range.lower();
        byte[] hi = range.upper();
        if (lo != null && hi != null && Arrays.compareUnsigned(lo, hi) > 0) {
            return new IteratorCursor(List.<Map.Entry<byte[], byte[]>>of().iterator());
        }
        if (lo != null && hi != null) {
            m = m.subMap(lo, range.lowerInclusive(), hi, range.upperInclusive());
        } else if (lo != null) {
            m = m.tailMap(lo, range.lowerInclusive());
        } else if (hi != null) {
            m = m.headMap(hi, range.upperInclusive());
        }
        return new IteratorCursor((reverse ? m.descendingMap() : m).entrySet().iterator());
    }

    @Override
    public void apply(WriteSet writes) {
        for (Map.Entry<byte[], byte[]> e : writes.entries()) {
            if (WriteSet.isTombstone(e.getValue())) {
                map.remove(e.getKey());
            } else {
                map.put(e.getKey().clone(), e.getValue().clone());
            }
        }
        commits.increment();
    }

    @Override
    public void checkpoint() {
        // Nothing to make durable in memory.
    }

    @Override
    public IntegrityReport verifyIntegrity() {
        List<String> problems = new ArrayList<>();
        byte[] previous = null;
        long n = 0;
        for (Map.Entry<byte[], byte[]> e : map.entrySet()) {
            if (previous != null && Arrays.compareUnsigned(previous, e.getKey()) >= 0) {
                problems.add("entry " + n + ": key out of order");
            }
            if (e.getValue() == null) {
                problems.add("entry " + n + ": null value");
            }
            previous = e.getKey();
            n++;
        }
        return new IntegrityReport(0, n, problems);
    }

    @Override
    public Map<String, Long> stats() {
        return Map.of("store.gets", gets.sum(), "store.scans", scans.sum(), "store.commits", commits.sum(),
                "store.entries", (long) map.size());
    }

    @Override
    public void close() {
        // Memory is reclaimed with the object.
    }

    /** A cursor over a map iterator, copying every key and value it hands out. */
    private static final class IteratorCursor implements Cursor {
        private final Iterator<Map.Entry<byte[], byte[]>> it;
        private Map.Entry<byte[], byte[]> current;

        IteratorCursor(Iterator<Map.Entry<byte[], byte[]>> it) {
            this.it = it;
        }

        @Override
        public boolean next() {
            current = it.hasNext() ? it.next() : null;
            return current != null;
        }

        @Override
        public byte[] key() {
            return current.getKey().clone();
        }

        @Override
        public byte[] value() {
            return current.getValue().clone();
        }

        @Override
        public void close() {
            current = null;
        }
    }
}
