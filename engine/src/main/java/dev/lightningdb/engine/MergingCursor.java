package dev.lightningdb.engine;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.store.WriteSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Overlays a transaction's buffered writes on a cursor of committed data: a buffered value
 * replaces the committed one, a buffered delete hides it. Both inputs walk in the same direction.
 */
final class MergingCursor implements Cursor {
    private final Cursor committed;
    private final Iterator<Map.Entry<byte[], byte[]>> buffered;
    private final int direction; // +1 ascending, -1 descending

    private boolean committedValid;
    private Map.Entry<byte[], byte[]> pendingBuffered;
    private byte[] key;
    private byte[] value;

    MergingCursor(Cursor committed, NavigableMap<byte[], byte[]> bufferedInRange, boolean reverse) {
        this.committed = committed;
        this.buffered = bufferedInRange.entrySet().iterator();
        this.direction = reverse ? -1 : 1;
        this.committedValid = committed.next();
        this.pendingBuffered = buffered.hasNext() ? buffered.next() : null;
    }

    @Override
    public boolean next() {
        while (committedValid || pendingBuffered != null) {
            int order;
            if (!committedValid) {
                order = 1; // only buffered entries remain
            } else if (pendingBuffered == null) {
                order = -1;
            } else {
                order = direction * Arrays.compareUnsigned(committed.key(), pendingBuffered.getKey());
            }
            if (order < 0) {
                key = committed.key();
                value = committed.value();
                committedValid = committed.next();
                return true;
            }
            Map.Entry<byte[], byte[]> b = pendingBuffered;
            pendingBuffered = buffered.hasNext() ? buffered.next() : null;
            if (order == 0) {
                committedValid = committed.next(); // the buffered write shadows the committed one
            }
            if (!WriteSet.isTombstone(b.getValue())) {
                key = b.getKey().clone();
                value = b.getValue().clone();
                return true;
            }
        }
        key = null;
        value = null;
        return false;
    }

    @Override
    public byte[] key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public void close() {
        committed.close();
    }
}
