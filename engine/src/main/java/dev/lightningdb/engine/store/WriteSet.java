package dev.lightningdb.engine.store;

import dev.lightningdb.engine.common.KeyRange;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's buffered writes, sorted by key. A delete is kept as {@link #TOMBSTONE} so that
 * it hides the committed value from the transaction's own reads until commit.
 * Not thread-safe: a transaction belongs to one thread at a time.
 *
 * <p>Invariant: while it holds at most one entry the write set keeps it in {@link #soleKey} and
 * {@link #soleValue} and {@link #writes} is null (a single write, the commonest commit, builds no
 * tree); from the second key on, or once a sorted view is asked for, every entry is in
 * {@link #writes} and the sole fields are null.
 */
public final class WriteSet {
    /** Marks a deleted key; compared by identity, never stored. */
    public static final byte[] TOMBSTONE = new byte[0];

    private TreeMap<byte[], byte[]> writes;
    private byte[] soleKey;
    private byte[] soleValue;
    private long bytes;

    public void put(byte[] key, byte[] value) {
        track(set(key, value), key, value);
    }

    public void delete(byte[] key) {
        track(set(key, TOMBSTONE), key, TOMBSTONE);
    }

    /** Buffers {@code value} under {@code key}; returns what it replaced, or null. */
    private byte[] set(byte[] key, byte[] value) {
        if (writes != null) {
            return writes.put(key, value);
        }
        if (soleKey == null) {
            soleKey = key;
            soleValue = value;
            return null;
        }
        if (Arrays.equals(soleKey, key)) {
            byte[] previous = soleValue;
            soleValue = value;
            return previous;
        }
        return sorted().put(key, value);
    }

    /** Every entry in the tree, moving a sole entry there first. */
    private TreeMap<byte[], byte[]> sorted() {
        if (writes == null) {
            writes = new TreeMap<>(Arrays::compareUnsigned);
            if (soleKey != null) {
                writes.put(soleKey, soleValue);
                soleKey = null;
                soleValue = null;
            }
        }
        return writes;
    }

    private void track(byte[] previous, byte[] key, byte[] value) {
        if (previous == null) {
            bytes += key.length;
        } else {
            bytes -= previous.length;
        }
        bytes += value.length;
    }

    /** Puts {@code later}'s writes over these: where both wrote a key, {@code later}'s put or delete stays. */
    public void putAll(WriteSet later) {
        for (Map.Entry<byte[], byte[]> e : later.entries()) {
            track(set(e.getKey(), e.getValue()), e.getKey(), e.getValue());
        }
    }

    /** The buffered value, {@link #TOMBSTONE} for a buffered delete, or null if untouched. */
    public byte[] get(byte[] key) {
        if (writes != null) {
            return writes.get(key);
        }
        return soleKey != null && Arrays.equals(soleKey, key) ? soleValue : null;
    }

    public boolean isEmpty() {
        return writes == null ? soleKey == null : writes.isEmpty();
    }

    public int size() {
        return writes == null ? (soleKey == null ? 0 : 1) : writes.size();
    }

    /** Approximate bytes of keys and values held. */
    public long bytes() {
        return bytes;
    }

    /** The entries in key order; a value identical to {@link #TOMBSTONE} is a delete. */
    public Iterable<Map.Entry<byte[], byte[]>> entries() {
        if (writes != null) {
            return writes.entrySet();
        }
        return soleKey == null ? List.of() : List.of(new AbstractMap.SimpleImmutableEntry<>(soleKey, soleValue));
    }

    /** The buffered entries inside {@code range}, in the requested direction. */
    public NavigableMap<byte[], byte[]> within(KeyRange range, boolean reverse) {
        NavigableMap<byte[], byte[]> m = sorted();
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
        if (writes != null) {
            c.sorted().putAll(writes);
        } else {
            c.soleKey = soleKey;
            c.soleValue = soleValue;
        }
        c.bytes = bytes;
        return c;
    }

    /** Makes this write set hold exactly what {@code other} holds. */
    public void restore(WriteSet other) {
        writes = other.writes == null ? null : new TreeMap<>(other.writes);
        soleKey = other.soleKey;
        soleValue = other.soleValue;
        bytes = other.bytes;
    }

    public void clear() {
        writes = null;
        soleKey = null;
        soleValue = null;
        bytes = 0;
    }

    public static boolean isTombstone(byte[] value) {
        return value == TOMBSTONE;
    }
}
