package dev.lightningdb.engine;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.KeyRange;
import dev.lightningdb.engine.store.WriteSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Overlays a transaction's buffered writes on a cursor of committed data: a buffered value
 * replaces the committed one, a buffered delete hides it. Both inputs walk in the same direction.
 *
 * <p>The transaction may write while this cursor is open. The rule: the cursor shows the
 * transaction's puts and deletes at keys strictly ahead of its position in its walking direction,
 * as they are when it reaches them, including writes made after it was opened; writes at or behind
 * its position are not revisited. Its position is the last key {@link #next()} returned, or the
 * range's start before the first call. A rollback to a savepoint counts as writes: keys ahead show
 * the restored state. The committed input is a snapshot and never changes under the cursor.
 *
 * <p>Invariants: {@link #buffered} and {@link #pendingBuffered} hold the write set's entries
 * strictly after {@link #position} as they were at {@link #seen} modifications; when the write set
 * has changed since, they are dropped and sought again from {@link #position} before use (as
 * RocksDB's WriteBatchWithIndex iterator and LMDB cursors do, a write never breaks the walk). Once
 * {@link #next()} has returned false, or the cursor is closed, it stays at the end.
 */
final class MergingCursor implements Cursor {
    private final Cursor committed;
    private final WriteSet writes;
    private final KeyRange range;
    private final boolean reverse;
    private final int direction; // +1 ascending, -1 descending
    private final Consumer<Cursor> onClose;

    private boolean committedValid;
    private Iterator<Map.Entry<byte[], byte[]>> buffered;
    private Map.Entry<byte[], byte[]> pendingBuffered;
    private long seen;
    private byte[] position;
    private boolean finished;
    private byte[] key;
    private byte[] value;

    MergingCursor(Cursor committed, WriteSet writes, KeyRange range, boolean reverse, Consumer<Cursor> onClose) {
        this.committed = committed;
        this.onClose = onClose;
        this.writes = writes;
        this.range = range;
        this.reverse = reverse;
        this.direction = reverse ? -1 : 1;
        this.committedValid = committed.next();
        seek();
    }

    /** Positions the buffered input on the first write strictly after {@link #position}. */
    private void seek() {
        seen = writes.modifications();
        buffered = writes.after(range, position, reverse);
        pendingBuffered = buffered.hasNext() ? buffered.next() : null;
    }

    @Override
    public boolean next() {
        if (finished) {
            return false;
        }
        if (seen != writes.modifications()) {
            seek();
        }
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
                return at(committed.key(), committed.value(), committed.next());
            }
            Map.Entry<byte[], byte[]> b = pendingBuffered;
            pendingBuffered = buffered.hasNext() ? buffered.next() : null;
            if (order == 0) {
                committedValid = committed.next(); // the buffered write shadows the committed one
            }
            if (!WriteSet.isTombstone(b.getValue())) {
                return at(b.getKey().clone(), b.getValue().clone(), committedValid);
            }
        }
        finished = true;
        key = null;
        value = null;
        return false;
    }

    private boolean at(byte[] k, byte[] v, boolean committedStillValid) {
        key = k;
        value = v;
        position = k.clone(); // the caller owns key(): keep a copy of our place
        committedValid = committedStillValid;
        return true;
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
        finished = true;
        try {
            committed.close();
        } finally {
            onClose.accept(this);
        }
    }
}
