package dev.lightningdb.engine.store;

import dev.lightningdb.engine.common.KeyRange;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's buffered writes, sorted by key. A delete is kept as {@link #TOMBSTONE} so that
 * it hides the committed value from the transaction's own reads until commit.
 * Not thread-safe: a transaction belongs to one thread at a time.
 *
 * <p>Invariants: while {@link #writes} is null the write set holds at most one entry, in {@link
 * #soleKey} and {@link #soleValue} (a single write, the commonest commit, builds no tree, and
 * neither does a scan of it); once {@link #writes} exists every entry is in it and the sole fields
 * are null. {@link #modifications} changes with every change of the entries (put, delete, putAll,
 * restore, clear), so that a cursor walking them knows when to seek again ({@link #after}).
 */
public final class WriteSet {
    /** Marks a deleted key; compared by identity, never stored. */
    public static final byte[] TOMBSTONE = new byte[0];

    private TreeMap<byte[], byte[]> writes;
    private byte[] soleKey;
    private byte[] soleValue;
    private long bytes;
    private long modifications;

    public void put(byte[] key, byte[] value) {
        track(set(key, value), key, value);
    }

    public void delete(byte[] key) {
        track(set(key, TOMBSTONE), key, TOMBSTONE);
    }

    /** Buffers {@code value} under {@code key}; returns what it replaced, or null. */
    private byte[] set(byte[] key, byte[] value) {
        modifications++;
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

    /** A count that changes whenever the entries change: an iterator from {@link #after} is stale once it has. */
    public long modifications() {
        return modifications;
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

    /**
     * The buffered entries inside {@code range} that lie strictly beyond {@code position} in the
     * walking direction (all of them when {@code position} is null), in that direction. The
     * iterator is valid until the next {@link #modifications() modification}; a sole entry is
     * walked without building a tree.
     */
    public Iterator<Map.Entry<byte[], byte[]>> after(KeyRange range, byte[] position, boolean reverse) {
        if (writes == null) {
            boolean beyond = soleKey != null && range.contains(soleKey)
                    && (position == null || (reverse ? -1 : 1) * Arrays.compareUnsigned(soleKey, position) > 0);
            return beyond ? List.<Map.Entry<byte[], byte[]>>of(new AbstractMap.SimpleImmutableEntry<>(soleKey, soleValue)).iterator()
                    : Collections.emptyIterator();
        }
        byte[] lo = range.lower();
        byte[] hi = range.upper();
        boolean loInclusive = range.lowerInclusive();
        boolean hiInclusive = range.upperInclusive();
        if (position != null && (reverse ? !range.isAbove(position) : !range.isBelow(position))) { // else the whole range is ahead
            if (reverse) {
                hi = position;
                hiInclusive = false;
            } else {
                lo = position;
                loInclusive = false;
            }
        }
        NavigableMap<byte[], byte[]> m = writes;
        if (lo != null && hi != null) {
            int c = Arrays.compareUnsigned(lo, hi);
            if (c > 0 || (c == 0 && !(loInclusive && hiInclusive))) {
                return Collections.emptyIterator();
            }
            m = m.subMap(lo, loInclusive, hi, hiInclusive);
        } else if (lo != null) {
            m = m.tailMap(lo, loInclusive);
        } else if (hi != null) {
            m = m.headMap(hi, hiInclusive);
        }
        return (reverse ? m.descendingMap() : m).entrySet().iterator();
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
        modifications++;
        writes = other.writes == null ? null : new TreeMap<>(other.writes);
        soleKey = other.soleKey;
        soleValue = other.soleValue;
        bytes = other.bytes;
    }

    public void clear() {
        modifications++;
        writes = null;
        soleKey = null;
        soleValue = null;
        bytes = 0;
    }

    public static boolean isTombstone(byte[] value) {
        return value == TOMBSTONE;
    }
}
