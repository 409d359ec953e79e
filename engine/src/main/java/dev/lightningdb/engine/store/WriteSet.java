package dev.lightningdb.engine.store;

import dev.lightningdb.engine.KeyRange;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's buffered writes, sorted by key. A delete is kept as {@link #TOMBSTONE} so that
 * it hides the committed value from the transaction's own reads until commit.
 * Not thread-safe: a transaction belongs to one thread at a time.
 */
public final class WriteSet {
    /** Marks a deleted key; compared by identity, never stored. */
    public static final byte[] TOMBSTONE = new byte[0];

    private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
    private long bytes;

    public void put(byte[] key, byte[] value) {
        track(writes.put(key, value), key, value);
    }

    public void delete(byte[] key) {
        track(writes.put(key, TOMBSTONE), key, TOMBSTONE);
    }

    private void track(byte[] previous, byte[] key, byte[] value) {
        if (previous == null) {
            bytes += key.length;
        } else {
            bytes -= previous.length;
        }
        bytes += value.length;
    }

    /** The buffered value, {@link #TOMBSTONE} for a buffered delete, or null if untouched. */
    public byte[] get(byte[] key) {
        return writes.get(key);
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    public int size() {
        return writes.size();
    }

    /** Approximate bytes of keys and values held. */
    public long bytes() {
        return bytes;
    }

    /** The entries in key order; a value identical to {@link #TOMBSTONE} is a delete. */
    public Iterable<Map.Entry<byte[], byte[]>> entries() {
        return writes.entrySet();
    }

    /** The buffered entries inside {@code range}, in the requested direction. */
    public NavigableMap<byte[], byte[]> within(KeyRange range, boolean reverse) {
        NavigableMap<byte[], byte[]> m = writes;
        byte[] lo = range.lower();
        byte[] hi = range.upper();
        if (lo != null && hi != null) {
            if (Arrays.compareUnsigned(lo, hi) > 0) {
                return new TreeMap<>(Arrays::compareUnsigned);
            }
            m = m.subMap(lo, range.lowerInclusive(), hi, range.upperInclusive());
        } else if (lo != null) {
            m = m.tailMap(lo, range.lowerInclusive());
        } else if (hi != null) {
            m = m.headMap(hi, range.upperInclusive());
        }
        return reverse ? m.descendingMap() : m;
    }

    /** An independent copy (for savepoints); keys and values are shared, they are never mutated. */
    public WriteSet copy() {
        WriteSet c = new WriteSet();
        c.writes.putAll(writes);
        c.bytes = bytes;
        return c;
    }

    /** Makes this write set hold exactly what {@code other} holds. */
    public void restore(WriteSet other) {
        writes.clear();
        writes.putAll(other.writes);
        bytes = other.bytes;
    }

    public void clear() {
        writes.clear();
        bytes = 0;
    }

    public static boolean isTombstone(byte[] value) {
        return value == TOMBSTONE;
    }
}
