package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.common.Cursor;
import dev.lightningdb.engine.common.ErrorCode;
import dev.lightningdb.engine.common.LightningDbException;
import dev.lightningdb.engine.store.WriteSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges the layers of a {@link ReadSnapshot} into one ordered walk: write-buffer tables (newest
 * first) over the tree. For each key the first layer holding a version visible at the snapshot's
 * timestamp decides; a delete there hides the key. Keys and values handed out are fresh copies.
 */
final class LayeredCursor implements Cursor {
    /** One ordered input; {@link #value} may be {@link WriteSet#TOMBSTONE}. */
    private interface Layer {
        boolean advance();

        byte[] key();

        byte[] value();
    }

    private final Layer[] layers;
    private final boolean[] valid;
    private final int direction;
    private final Cursor tree;
    private final Runnable onClose;
    private boolean started;
    private boolean closed;
    private byte[] key;
    private byte[] value;

    /** {@code tables}: the write-buffer tables' walks, newest table first. */
    LayeredCursor(java.util.List<Iterator<Map.Entry<byte[], Version>>> tables, long ts, Cursor tree, boolean reverse, Runnable onClose) {
        this.tree = tree;
        this.onClose = onClose;
        this.direction = reverse ? -1 : 1;
        this.layers = new Layer[tables.size() + 1];
        for (int i = 0; i < tables.size(); i++) {
            layers[i] = buffer(tables.get(i), ts);
        }
        layers[tables.size()] = tree(tree);
        this.valid = new boolean[layers.length];
    }

    private static Layer buffer(Iterator<Map.Entry<byte[], Version>> it, long ts) {
        return new Layer() {
            private byte[] k;
            private byte[] v;

            @Override
            public boolean advance() {
                while (it.hasNext()) {
                    Map.Entry<byte[], Version> e = it.next();
                    Version visible = e.getValue().visibleAt(ts);
                    if (visible != null) {
                        k = e.getKey();
                        v = visible.value();
                        return true;
                    }
                }
                return false;
            }

            @Override
            public byte[] key() {
                return k;
            }

            @Override
            public byte[] value() {
                return v;
            }
        };
    }

    private static Layer tree(Cursor c) {
        return new Layer() {
            private byte[] k; // the tree cursor decodes a fresh copy per call: keep one

            @Override
            public boolean advance() {
                k = c.next() ? c.key() : null;
                return k != null;
            }

            @Override
            public byte[] key() {
                return k;
            }

            @Override
            public byte[] value() {
                return c.value();
            }
        };
    }

    @Override
    public boolean next() {
        if (closed) {
            return false;
        }
        if (!started) {
            started = true;
            for (int i = 0; i < layers.length; i++) {
                valid[i] = layers[i].advance();
            }
        }
        while (true) {
            int first = -1;
            for (int i = 0; i < layers.length; i++) {
                if (valid[i] && (first < 0 || direction * Arrays.compareUnsigned(layers[i].key(), layers[first].key()) < 0)) {
                    first = i; // strictly smaller only: on a tie the earlier (newer) layer wins
                }
            }
            if (first < 0) {
                key = null;
                value = null;
                close();
                return false;
            }
            byte[] k = layers[first].key();
            byte[] v = layers[first].value();
            boolean fromTree = first == layers.length - 1;
            for (int i = layers.length - 1; i >= first; i--) {
                if (valid[i] && Arrays.equals(layers[i].key(), k)) {
                    valid[i] = layers[i].advance();
                }
            }
            if (!WriteSet.isTombstone(v)) {
                key = fromTree ? k : k.clone();
                value = fromTree ? v : v.clone();
                return true;
            }
        }
    }

    @Override
    public byte[] key() {
        return positioned(key);
    }

    @Override
    public byte[] value() {
        return positioned(value);
    }

    private static byte[] positioned(byte[] b) {
        if (b == null) {
            throw new LightningDbException(ErrorCode.INVALID_ARGUMENT, "cursor is not on an entry: call next() first and check it returned true");
        }
        return b;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                tree.close();
            } finally {
                onClose.run();
            }
        }
    }
}
