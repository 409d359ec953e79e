package dev.lightningdb.engine.txn;

import dev.lightningdb.engine.common.Cursor;

/** The tree's own cursor, plus what closing the snapshot needs. */
final class TreeOnlyCursor implements Cursor {
    private final Cursor tree;
    private final Runnable onClose;
    private boolean closed;

    TreeOnlyCursor(Cursor tree, Runnable onClose) {
        this.tree = tree;
        this.onClose = onClose;
    }

    @Override
    public boolean next() {
        if (closed) {
            return false;
        }
        if (tree.next()) {
            return true;
        }
        close(); // at the end: release the snapshot even if the caller never closes
        return false;
    }

    @Override
    public byte[] key() {
        return tree.key();
    }

    @Override
    public byte[] value() {
        return tree.value();
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
